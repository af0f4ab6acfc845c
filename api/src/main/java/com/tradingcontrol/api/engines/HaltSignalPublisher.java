package com.tradingcontrol.api.engines;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import com.tradingcontrol.api.ports.CommandRequest;
import com.tradingcontrol.schemas.avro.HaltSignal;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes fast halt signals to {@code trading.halt-signals}. Best effort by design: the command is
 * the authoritative path, so a signal that cannot be sent is counted and logged (with the request's
 * x-request-id) and never fails or delays the command. {@code producer.send} blocks while the
 * producer lacks the topic's metadata (up to {@code max.block.ms}), and it loses that metadata during a
 * broker outage even after it held it, so every send is handed to one dedicated thread: a request
 * never waits for the broker. (Sending from the request thread once the metadata was known saved a
 * thread wake-up per halt, but held a pause request for {@code max.block.ms} during an outage:
 * {@code BrokerOutageIT}.)
 */
public final class HaltSignalPublisher {
    public static final String PUBLISHED_METRIC = "engines.haltSignals.published";
    public static final String FAILED_METRIC = "engines.haltSignals.failed";
    private static final Logger LOG = LoggerFactory.getLogger(HaltSignalPublisher.class);

    private final Producer<String, HaltSignal> producer;
    private final String topic;
    private final Duration decideBy;
    private final ExecutorService sender;
    private final Counter published;
    private final Counter failed;

    public HaltSignalPublisher(Producer<String, HaltSignal> producer, String topic, Duration decideBy,
                               ExecutorService sender, MetricRegistry metrics) {
        this.producer = producer;
        this.topic = topic;
        this.decideBy = decideBy;
        this.sender = sender;
        this.published = metrics.counter(PUBLISHED_METRIC);
        this.failed = metrics.counter(FAILED_METRIC);
    }

    /** Returns at once; does nothing for a command that does not restrict. Never throws. */
    public void publish(CommandRequest request) {
        try {
            HaltSignals.of(request, decideBy).ifPresent(signal -> sender.execute(() -> send(signal)));
        } catch (RejectedExecutionException | IllegalArgumentException e) {
            failed(request.commandId(), request.requestId(), e);
        }
    }

    private void send(HaltSignal signal) {
        try {
            producer.send(new ProducerRecord<>(topic, signal.getScope(), signal), (metadata, error) -> {
                if (error == null) {
                    published.inc();
                } else {
                    failed(signal.getCommandId(), signal.getRequestId(), error);
                }
            });
        } catch (RuntimeException e) {
            failed(signal.getCommandId(), signal.getRequestId(), e);
        }
    }

    private void failed(String commandId, String requestId, Throwable error) {
        failed.inc();
        LOG.warn("Halt signal for command {} (x-request-id {}) not published; engines learn it from the committed "
                + "state instead: {}", commandId, requestId, error.toString());
    }
}
