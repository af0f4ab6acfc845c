package com.tradingcontrol.client;

import com.tradingcontrol.schemas.avro.AppliedSource;
import com.tradingcontrol.schemas.avro.ControlApplied;
import com.tradingcontrol.schemas.avro.EngineReport;
import com.tradingcontrol.schemas.avro.EngineReportType;
import com.tradingcontrol.schemas.serde.AvroDeserializer;
import com.tradingcontrol.schemas.topics.TopicNames;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Reads {@code trading.engine-reports} from the beginning, as the platform would, for one engine id. */
final class EngineReports implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final AvroDeserializer<EngineReport> deserializer;
    private final String engineId;
    private final List<EngineReport> seen = new ArrayList<>();

    EngineReports(StatePlatform platform, String engineId) {
        this.engineId = engineId;
        this.deserializer = AvroDeserializer.specific(platform.registry, EngineReport.class);
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.broker.bootstrapServers(), ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(TopicNames.ENGINE_REPORTS)) {
            partitions.add(new TopicPartition(info.topic(), info.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Every report of the engine read so far, once {@code condition} holds of them (or fails at the deadline). */
    List<EngineReport> until(Duration timeout, String what, Predicate<List<EngineReport>> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(seen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what + "; reports: " + seen);
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                if (engineId.equals(record.key())) {
                    seen.add(deserializer.deserialize(record.topic(), record.value()));
                }
            }
        }
        return List.copyOf(seen);
    }

    /** A change an engine reported, with the report that carried it. */
    record Change(EngineReport report, ControlApplied applied) {
    }

    /** The first change reported for {@code commandId} from {@code source}, once read (or fails at the deadline). */
    Change awaitApplied(Duration timeout, String commandId, AppliedSource source) {
        Predicate<Change> wanted = c -> c.report().getType() == EngineReportType.APPLIED
                && commandId.equals(c.applied().getCommandId()) && c.applied().getSource() == source;
        return until(timeout, "an APPLIED report of " + source + " " + commandId,
                rs -> changes(rs).anyMatch(wanted)).stream().flatMap(r -> changes(List.of(r)))
                .filter(wanted).findFirst().orElseThrow();
    }

    /** What the reports say was applied, in order: each one's {@code applied}, then its {@code alsoApplied}. */
    static Stream<Change> changes(List<EngineReport> reports) {
        return reports.stream().flatMap(r -> Stream.concat(Stream.ofNullable(r.getApplied()),
                r.getAlsoApplied().stream()).map(applied -> new Change(r, applied)));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
