package com.tradingcontrol.api.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.ports.CommandBusUnavailableException;
import com.tradingcontrol.api.ports.CommandPayload;
import com.tradingcontrol.api.ports.CommandRequest;
import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.registry.IncompatibleSchemaException;
import com.tradingcontrol.schemas.registry.SchemaRegistryException;
import com.tradingcontrol.schemas.signing.CommandKeys;
import com.tradingcontrol.schemas.signing.CommandSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * What a failed send means: a command the registry will not encode is this deployment's bug (an
 * error, not "Kafka did not acknowledge"), while an unreachable registry or broker is the bus being
 * unavailable (503, retry with the same key).
 */
class KafkaCommandGatewayTest {

    private static final CommandRequest PAUSE = new CommandRequest("c-1", "global",
            new CommandPayload.PauseTrading("global", "incident", null), new Caller("op-1", null, Set.of("operator")),
            "rid-1", null, Instant.parse("2026-03-02T09:00:00Z"));

    private static Throwable failureOf(RuntimeException thrownBySend) {
        MockProducer<String, CommandEnvelope> producer = new MockProducer<>() {
            @Override
            public synchronized Future<RecordMetadata> send(ProducerRecord<String, CommandEnvelope> record,
                                                            Callback callback) {
                throw thrownBySend;
            }
        };
        KafkaCommandGateway gateway = new KafkaCommandGateway(producer, "trading.commands", "trading.keyed-commands",
                new OutcomeTracker(10), Duration.ofSeconds(1), new CommandSigner("k1", CommandKeys.generate()));
        try {
            gateway.submit(PAUSE).toCompletableFuture().join();
            throw new AssertionError("the submission succeeded");
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    @Test
    void aSchemaTheRegistryRefusesIsAnErrorNotAnUnavailableBus() {
        Throwable failure = failureOf(new SerializationException("cannot get a schema id",
                new IncompatibleSchemaException("DeadLetter registered under trading.keyed-commands-value")));

        assertThat(failure).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("c-1 cannot be encoded").hasRootCauseInstanceOf(IncompatibleSchemaException.class);
    }

    @Test
    void aRecordThatDoesNotFitItsSchemaIsAnErrorToo() {
        assertThat(failureOf(new SerializationException("cannot encode CommandEnvelope")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUnreachableRegistryOrBrokerIsTheBusBeingUnavailable() {
        assertThat(failureOf(new SerializationException("cannot get a schema id",
                new SchemaRegistryException("connection refused", new java.net.ConnectException("refused"))))).isInstanceOf(CommandBusUnavailableException.class);
        assertThat(failureOf(new org.apache.kafka.common.errors.TimeoutException("metadata")))
                .isInstanceOf(CommandBusUnavailableException.class);
    }
}
