package com.tradingcontrol.bench;

import com.tradingcontrol.client.ControlClient;
import com.tradingcontrol.client.ControlClientConfig;
import com.tradingcontrol.client.ControlClientListener;
import com.tradingcontrol.schemas.avro.AppliedSource;
import com.tradingcontrol.schemas.avro.EngineReport;
import com.tradingcontrol.schemas.avro.EngineReportType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * N simulated engines in this JVM, each a real {@link ControlClient} with an engine id (its own consumers,
 * reporter producer and listener thread), plus one consumer of {@code trading.engine-reports}. A
 * {@link Probe} names the scope of the next halt (or retraction); each client's listener and the report
 * consumer tick it off, so one halt yields N per-client decision times and one all-acknowledged time.
 */
final class EngineFleet implements AutoCloseable {

    /** One measured halt (or retraction) on a scope no other probe uses. */
    static final class Probe {
        final String scope;
        final boolean retraction;
        final long startNanos = System.nanoTime();
        private final Latencies perClient;
        private final Set<String> decided = ConcurrentHashMap.newKeySet();
        private final Set<String> acked = ConcurrentHashMap.newKeySet();
        private final CountDownLatch allDecided;
        private final CountDownLatch allAcked;
        private volatile long allAckedNanos;
        private volatile long firstDecidedNanos;

        Probe(String scope, boolean retraction, Latencies perClient, int engines) {
            this.scope = scope;
            this.retraction = retraction;
            this.perClient = perClient;
            this.allDecided = new CountDownLatch(engines);
            this.allAcked = new CountDownLatch(engines);
        }

        private void decided(String engineId, long nanos) {
            if (decided.add(engineId)) {
                if (decided.size() == 1) {
                    firstDecidedNanos = nanos;
                }
                perClient.recordNanos(nanos - startNanos);
                allDecided.countDown();
            }
        }

        private void acked(String engineId, long nanos) {
            if (acked.add(engineId)) {
                // One reader thread acks: the last of the N sets the time before the latch opens.
                if (allAcked.getCount() == 1) {
                    allAckedNanos = nanos;
                }
                allAcked.countDown();
            }
        }

        /** True when every engine decided and (if {@code needAcks}) reported within {@code timeout}. */
        boolean await(Duration timeout, boolean needAcks) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            boolean all = allDecided.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return all && (!needAcks || allAcked.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS));
        }

        /** From the probe's start to the first engine's decision: the floor without N clients' contention. */
        long firstDecidedAfterNanos() {
            return firstDecidedNanos - startNanos;
        }

        /** From the probe's start to the last engine's APPLIED report as the report consumer read it. */
        long allAckedAfterNanos() {
            return allAckedNanos - startNanos;
        }
    }

    private final List<ControlClient> clients = new ArrayList<>();
    private final KafkaConsumer<String, EngineReport> reports;
    private final Thread reportReader;
    private final java.util.concurrent.atomic.AtomicLong undecidedRetractions = new java.util.concurrent.atomic.AtomicLong();
    private volatile Probe current;
    private volatile boolean closed;

    EngineFleet(Platform platform, int engines) throws InterruptedException {
        for (int i = 0; i < engines; i++) {
            String id = "bench-engine-" + i;
            ControlClient client = ControlClient.start(ControlClientConfig.builder()
                    .bootstrapServers(platform.bootstrapServers()).schemaRegistry(platform.registry())
                    .clientId(id).engineId(id).build());
            clients.add(client);
            client.addListener(listener(id));
        }
        for (ControlClient client : clients) {
            if (!client.awaitReady(Duration.ofMinutes(2))) {
                throw new IllegalStateException("an engine client was not ready within 2 minutes: " + client.health());
            }
        }
        reports = new KafkaConsumer<>(reportReaderProperties(platform.bootstrapServers()), new StringDeserializer(),
                platform.topics().engineReports().valueSerde().deserializer());
        KafkaSupport.assignAtEnd(reports, platform.topics().engineReports().name());
        reportReader = new Thread(this::readReports, "bench-engine-reports");
        reportReader.setDaemon(true);
        reportReader.start();
    }

    int size() {
        return clients.size();
    }

    /** Signals the clients retracted because the processors had not decided them by their decideBy, over all clients. */
    long undecidedRetractions() {
        return undecidedRetractions.get();
    }

    /** Measures the next halt (or retraction) on {@code scope}; per-client times go to {@code perClient}. */
    Probe probe(String scope, boolean retraction, Latencies perClient) {
        Probe probe = new Probe(scope, retraction, perClient, clients.size());
        current = probe;
        return probe;
    }

    private ControlClientListener listener(String engineId) {
        // The listener thread hears a signal after decide() already answers it: an upper bound of the decision.
        return new ControlClientListener() {
            @Override
            public void onHaltSignal(String commandId, String scope) {
                Probe p = current;
                if (p != null && !p.retraction && p.scope.equals(scope)) {
                    p.decided(engineId, System.nanoTime());
                }
            }

            @Override
            public void onHaltRetracted(String commandId, String scope, String why) {
                Probe p = current;
                if (p != null && p.retraction && p.scope.equals(scope)) {
                    p.decided(engineId, System.nanoTime());
                }
                if (why.startsWith("not decided")) {
                    undecidedRetractions.incrementAndGet();
                }
            }
        };
    }

    private void readReports() {
        try {
            while (!closed) {
                for (ConsumerRecord<String, EngineReport> r : reports.poll(Duration.ofMillis(100))) {
                    EngineReport report = r.value();
                    Probe p = current;
                    if (p == null || report == null || report.getType() != EngineReportType.APPLIED
                            || report.getApplied() == null || !p.scope.equals(report.getApplied().getScope())) {
                        continue;
                    }
                    AppliedSource wanted = p.retraction ? AppliedSource.RETRACTION : AppliedSource.HALT_SIGNAL;
                    if (report.getApplied().getSource() == wanted) {
                        p.acked(report.getEngineId(), System.nanoTime());
                    }
                }
            }
        } catch (WakeupException e) {
            if (!closed) {
                throw e;
            }
        }
    }

    private static Properties reportReaderProperties(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Reports are not transactional; a short fetch wait so the reader adds little to the figure.
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-report-reader-" + UUID.randomUUID());
        return p;
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        reports.wakeup();
        reportReader.join(10_000);
        reports.close();
        clients.forEach(ControlClient::close);
    }
}
