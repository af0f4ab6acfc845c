package com.tradingcontrol.client.internals;

import com.tradingcontrol.schemas.avro.ControlApplied;
import com.tradingcontrol.schemas.avro.EngineReport;
import com.tradingcontrol.schemas.avro.EngineReportType;
import com.tradingcontrol.schemas.registry.SchemaRegistryClient;
import com.tradingcontrol.schemas.serde.AvroSerializer;
import com.tradingcontrol.schemas.topics.TopicNames;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Publishes an engine's reports to {@code trading.engine-reports} (key: engine id) from a thread of
 * its own: heartbeats every interval, and the APPLIED reports the reader and the client hand over
 * through a bounded queue. What queued up while the previous report was being sent goes out as one
 * report (up to {@link #MAX_BATCH} changes): one change when idle, without waiting for more, and few
 * reports under load, when a batch of state records changes many scopes at once. Handing over never blocks ({@link #applied} drops and counts when the
 * queue is full); serializing (which may ask the schema registry once) and sending happen only here;
 * failures are counted and logged at most every 30 s, never thrown to the engine or the reader.
 */
final class EngineReporter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EngineReporter.class);
    private static final int QUEUE = 4096;
    /** Changes per APPLIED report at most (about 100 bytes each, so a report stays far below a record's limit). */
    static final int MAX_BATCH = 500;
    private static final long LOG_EVERY_NANOS = Duration.ofSeconds(30).toNanos();

    /** What a report says about the client at the moment it is written. */
    record Status(boolean stale, long viewVersion) {
    }

    private final com.tradingcontrol.client.ControlClientConfig config;
    private final String engineId;
    private ReportIdentity identity; // resolved on the reporter thread: the host name may ask DNS
    private final Producer<String, byte[]> producer;
    private final AvroSerializer<EngineReport> serializer;
    private final long intervalNanos;
    private final Clock clock;
    private final Supplier<Status> status;
    private final BlockingQueue<ControlApplied> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Thread thread;
    private volatile boolean closing;
    private long lastLoggedNanos;
    private long unloggedFailures;

    EngineReporter(com.tradingcontrol.client.ControlClientConfig config, Producer<String, byte[]> producer,
                   SchemaRegistryClient registry, Supplier<Status> status) {
        this.config = config;
        this.engineId = config.engineId();
        this.producer = producer;
        this.serializer = new AvroSerializer<>(registry, false);
        this.intervalNanos = config.heartbeatInterval().toNanos();
        this.clock = config.clock();
        this.status = status;
        this.thread = new Thread(this::run, "control-client-reports-" + engineId);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Hands an APPLIED report over; never blocks. */
    void applied(ControlApplied applied) {
        if (!queue.offer(applied)) {
            failed("report queue full: an APPLIED report of " + applied.getScope() + " was dropped", null);
        }
    }

    long sent() {
        return sent.get();
    }

    long failed() {
        return failed.get();
    }

    private void run() {
        identity = ReportIdentity.of(config);
        long next = System.nanoTime();
        while (!closing) {
            try {
                long wait = next - System.nanoTime();
                ControlApplied applied = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : null;
                if (applied != null) {
                    List<ControlApplied> more = new ArrayList<>();
                    queue.drainTo(more, MAX_BATCH - 1);
                    send(report(EngineReportType.APPLIED, applied, more));
                } else if (System.nanoTime() - next >= 0) {
                    next += intervalNanos;
                    if (System.nanoTime() - next > intervalNanos) {
                        next = System.nanoTime() + intervalNanos; // fell behind (a blocked send): no burst
                    }
                    send(report(EngineReportType.HEARTBEAT, null, List.of()));
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                failed("engine report not sent", e); // e.g. max.block.ms: no metadata while the broker is away
            }
        }
    }

    private EngineReport report(EngineReportType type, ControlApplied applied, List<ControlApplied> more) {
        Status now = status.get();
        return EngineReport.newBuilder().setEngineId(identity.engineId()).setEngineVersion(identity.engineVersion())
                .setClientVersion(identity.clientVersion()).setHost(identity.host()).setSentAt(clock.instant())
                .setType(type).setStale(now.stale()).setStateVersion(now.viewVersion()).setApplied(applied)
                .setAlsoApplied(more).build();
    }

    private void send(EngineReport report) {
        byte[] value = serializer.serialize(TopicNames.ENGINE_REPORTS, report);
        producer.send(new ProducerRecord<>(TopicNames.ENGINE_REPORTS, engineId, value), (metadata, e) -> {
            if (e == null) {
                sent.incrementAndGet();
            } else {
                failed("engine report " + report.getType() + " not delivered", e);
            }
        });
    }

    /** Counts every failure; logs the first and then at most one line per 30 s with the count. */
    private synchronized void failed(String what, Exception e) {
        failed.incrementAndGet();
        long now = System.nanoTime();
        if (lastLoggedNanos != 0 && now - lastLoggedNanos < LOG_EVERY_NANOS) {
            unloggedFailures++;
            return;
        }
        LOG.warn("control client: {} ({}; {} more failure(s) since the last warning)", what,
                e == null ? "-" : e.toString(), unloggedFailures);
        lastLoggedNanos = now;
        unloggedFailures = 0;
    }

    @Override
    public void close() {
        closing = true;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
            producer.close(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("closing the engine-report producer failed", e);
        }
    }
}
