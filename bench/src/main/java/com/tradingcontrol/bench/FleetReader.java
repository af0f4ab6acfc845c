package com.tradingcontrol.bench;

import com.tradingcontrol.schemas.avro.AppliedSource;
import com.tradingcontrol.schemas.avro.ControlApplied;
import com.tradingcontrol.schemas.avro.EngineReport;
import com.tradingcontrol.schemas.avro.EngineReportType;
import com.tradingcontrol.schemas.avro.HaltSignal;
import com.tradingcontrol.schemas.topics.TopicNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The bench's one consumer of {@code trading.engine-reports} and {@code trading.halt-signals} (from their
 * end, one thread): ticks off the current probe's APPLIED reports and notes when its signal was issued,
 * produced and readable. Only records of the probe's scope are decoded (signals by key; reports, keyed by
 * engine, by the scope's bytes in the value), so the bench's reader costs little beside 20 engines' reports.
 */
final class FleetReader implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final Deserializer<EngineReport> reports;
    private final Deserializer<HaltSignal> signals;
    private final Supplier<FleetProbe> current;
    private final Thread thread;
    private volatile boolean closed;

    FleetReader(Platform platform, Supplier<FleetProbe> current) {
        this.current = current;
        this.reports = platform.topics().engineReports().valueSerde().deserializer();
        this.signals = platform.topics().haltSignals().valueSerde().deserializer();
        this.consumer = new KafkaConsumer<>(properties(platform.bootstrapServers()), new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(TopicNames.ENGINE_REPORTS, TopicNames.HALT_SIGNALS)) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        this.thread = new Thread(this::run, "bench-fleet-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (!closed) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    FleetProbe p = current.get();
                    if (p != null && r.value() != null) {
                        read(p, r);
                    }
                }
            }
        } catch (WakeupException e) {
            if (!closed) {
                throw e;
            }
        }
    }

    private void read(FleetProbe p, ConsumerRecord<String, byte[]> r) {
        long now = System.nanoTime();
        if (TopicNames.HALT_SIGNALS.equals(r.topic())) {
            if (p.scope.equals(r.key())) {
                HaltSignal signal = signals.deserialize(r.topic(), r.value());
                p.signalRead(signal.getIssuedAt().toEpochMilli(), r.timestamp(), now);
            }
            return;
        }
        if (!contains(r.value(), p.scopeBytes)) {
            return; // not about the probe's scope: Avro strings are plain UTF-8, so a report of it holds these bytes
        }
        EngineReport report = reports.deserialize(r.topic(), r.value());
        if (report.getType() != EngineReportType.APPLIED || report.getApplied() == null) {
            return;
        }
        acked(p, report, report.getApplied(), now);
        report.getAlsoApplied().forEach(applied -> acked(p, report, applied, now));
    }

    private static void acked(FleetProbe p, EngineReport report, ControlApplied applied, long now) {
        AppliedSource wanted = p.retraction ? AppliedSource.RETRACTION : AppliedSource.HALT_SIGNAL;
        if (applied.getSource() == wanted && p.scope.equals(applied.getScope())) {
            p.acked(report.getEngineId(), applied.getReceivedAt().toEpochMilli(), applied.getAppliedAt().toEpochMilli(),
                    now);
        }
    }

    private static boolean contains(byte[] value, byte[] part) {
        outer:
        for (int i = 0; i <= value.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (value[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static Properties properties(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // The default fetch wait: a fetch returns as soon as a record arrives (fetch.min.bytes 1), so a shorter
        // wait only adds idle fetch requests (200/s at 5 ms) to the broker the figures share.
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-fleet-reader-" + UUID.randomUUID());
        return p;
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        consumer.wakeup();
        thread.join(10_000);
        consumer.close();
    }
}
