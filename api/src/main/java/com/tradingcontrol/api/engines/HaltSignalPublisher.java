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
 * x-request-id) and never fails or delays the command. {@code producer.send} blocks only while the
 * producer lacks the topic's metadata (up to {@code max.block.ms}, e.g. with the broker away at start-up):
 * until the metadata is known ({@link #warm}, or a first signal delivered) sends are handed to one
 * dedicated thread so the request thread never waits for that; from then on the request thread sends
 * itself, which saves the hand-over (a thread wake-up, milliseconds on a busy host) on every halt. The
 * producer keeps that metadata for good ({@code metadata.max.idle.ms}, see {@code EnginesWiring}).
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
    private volatile boolean warm;

    public HaltSignalPublisher(Producer<String, HaltSignal> producer, String topic, Duration decideBy,
                               ExecutorService sender, MetricRegistry metrics) {
        this.producer = producer;
        this.topic = topic;
        this.decideBy = decideBy;
        this.sender = sender;
        this.published = metrics.counter(PUBLISHED_METRIC);
        this.failed = metrics.counter(FAILED_METRIC);
    }

    /** The producer has the topic's metadata: its sends no longer block, so callers send themselves. */
    public void warm() {
        warm = true;
    }

    /** Returns at once; does nothing for a command that does not restrict. Never throws. */
    public void publish(CommandRequest request) {
        try {
            HaltSignals.of(request, decideBy).ifPresent(signal -> {
                if (warm) {
                    send(signal);
                } else {
                    sender.execute(() -> send(signal));
                }
            });
        } catch (RejectedExecutionException | IllegalArgumentException e) {
            failed(request.commandId(), request.requestId(), e);
        }
    }

    private void send(HaltSignal signal) {
        try {
            producer.send(new ProducerRecord<>(topic, signal.getScope(), signal), (metadata, error) -> {
                if (error == null) {
                    warm = true;
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
