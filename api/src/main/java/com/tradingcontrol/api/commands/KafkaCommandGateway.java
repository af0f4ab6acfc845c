package com.tradingcontrol.api.commands;

import com.tradingcontrol.api.ports.CommandBusUnavailableException;
import com.tradingcontrol.api.ports.CommandGateway;
import com.tradingcontrol.api.ports.CommandRequest;
import com.tradingcontrol.api.ports.Outcome;
import com.tradingcontrol.api.ports.SubmitResult;
import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.registry.IncompatibleSchemaException;
import com.tradingcontrol.schemas.registry.SchemaRegistryException;
import com.tradingcontrol.schemas.signing.CommandSigner;
import com.tradingcontrol.schemas.topics.KeyedCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Submits commands to {@code trading.commands} (keyed by aggregate id), or, when they carry an
 * Idempotency-Key, to {@code trading.keyed-commands} (keyed by caller and key), and answers with what
 * {@link OutcomeTracker} learns from {@code trading.command-outcomes}.
 *
 * <p>Timeout semantics. The producer is built with acks=all, idempotence, and
 * {@code max.block.ms}/{@code delivery.timeout.ms} equal to {@code commands.kafkaTimeout}
 * (see {@code KafkaClients.producer}), so a dead broker fails the send within the timeout; on top,
 * the returned stage fails at the same deadline whatever the client does. A submission only succeeds
 * once Kafka acknowledged the record. A failed or timed-out submission is answered 503, and the
 * command id is handed back: Kafka can never confirm a negative (a request may have reached the
 * broker just before its connection broke), so a 503 means "not confirmed", not "certainly lost".
 * That is safe because the processors deduplicate by command id: resubmitting with the same
 * {@code Idempotency-Key} yields the same outcome and at most one set of events, and
 * {@code GET /api/commands/{id}} shows the outcome if the earlier attempt did get through.
 */
public final class KafkaCommandGateway implements CommandGateway {
    public static final String REQUEST_ID_HEADER = "x-request-id";
    public static final String COMMAND_TYPE_HEADER = "command-type";

    private final Producer<String, CommandEnvelope> producer;
    private final String topic;
    private final String keyedTopic;
    private final OutcomeTracker tracker;
    private final Duration timeout;
    private final CommandSigner signer;

    /**
     * @param topic      trading.commands: commands without an Idempotency-Key, keyed by aggregate id
     * @param keyedTopic trading.keyed-commands: commands with one, keyed by caller and key (the processors'
     *                   idempotency gate forwards them to trading.commands)
     * @param signer     signs every envelope: the processors reject commands without the API's signature
     */
    public KafkaCommandGateway(Producer<String, CommandEnvelope> producer, String topic, String keyedTopic,
                               OutcomeTracker tracker, Duration timeout, CommandSigner signer) {
        this.keyedTopic = keyedTopic;
        this.signer = signer;
        this.producer = producer;
        this.topic = topic;
        this.tracker = tracker;
        this.timeout = timeout;
    }

    @Override
    public CompletionStage<SubmitResult> submit(CommandRequest request) {
        long started = System.nanoTime();
        tracker.submitting(request.commandId(), request.actor());
        CompletableFuture<SubmitResult> result = new CompletableFuture<>();
        try {
            // send() itself may block up to max.block.ms waiting for metadata when the broker is gone.
            producer.send(record(request), (metadata, error) -> {
                if (error != null) {
                    result.completeExceptionally(unavailable(request, error));
                } else {
                    tracker.acknowledged(request.commandId());
                    result.complete(new SubmitResult(request.commandId(), metadata.partition(), metadata.offset()));
                }
            });
        } catch (SerializationException e) {
            result.completeExceptionally(notEncodable(request, e));
        } catch (KafkaException e) {
            result.completeExceptionally(unavailable(request, e));
        }
        long remaining = Math.max(1, timeout.toNanos() - (System.nanoTime() - started));
        return result.orTimeout(remaining, TimeUnit.NANOSECONDS).exceptionallyCompose(error -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof TimeoutException) {
                cause = unavailable(request, cause);
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    private ProducerRecord<String, CommandEnvelope> record(CommandRequest request) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REQUEST_ID_HEADER, request.requestId().getBytes(StandardCharsets.UTF_8));
        headers.add(COMMAND_TYPE_HEADER, request.commandType().getBytes(StandardCharsets.UTF_8));
        CommandEnvelope envelope = signer.sign(CommandEnvelopes.toAvro(request));
        if (request.idempotency() != null) {
            String key = KeyedCommands.recordKey(request.actor().subject(), request.idempotency().key());
            return new ProducerRecord<>(keyedTopic, null, key, envelope, headers);
        }
        return new ProducerRecord<>(topic, null, request.aggregateId(), envelope, headers);
    }

    /**
     * A command that cannot be encoded — the registry refuses its schema under the topic's subject, or
     * the record does not fit it — is this deployment's bug, not an outage: answering 503 "Kafka did not
     * acknowledge" would send clients retrying forever at something retries cannot fix. Only a registry
     * that cannot be reached counts as the bus being unavailable.
     */
    private RuntimeException notEncodable(CommandRequest request, SerializationException e) {
        boolean registryDown = e.getCause() instanceof SchemaRegistryException
                && !(e.getCause() instanceof IncompatibleSchemaException);
        if (registryDown) {
            return unavailable(request, e);
        }
        return new IllegalStateException("command " + request.commandId() + " cannot be encoded for Kafka: "
                + e.getMessage(), e);
    }

    private CommandBusUnavailableException unavailable(CommandRequest request, Throwable cause) {
        return new CommandBusUnavailableException("Kafka did not acknowledge command " + request.commandId()
                + " within " + timeout.toMillis() + " ms", cause);
    }

    @Override
    public Optional<Outcome> outcome(String commandId) {
        return tracker.outcome(commandId);
    }

    @Override
    public CompletionStage<Optional<Outcome>> await(String commandId, Duration waitFor) {
        return tracker.await(commandId, waitFor);
    }

    public OutcomeTracker tracker() {
        return tracker;
    }
}
