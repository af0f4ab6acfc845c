package com.tradingcontrol.bench;

import com.tradingcontrol.schemas.topics.TopicNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The raw-Kafka counterpart of a client's catch-up: a read_committed consumer without a group reads
 * the three state topics from the beginning to their end, bytes only (no decoding, no state).
 */
final class RawCatchUp {

    private RawCatchUp() {
    }

    /** Nanoseconds from creating the consumer to having read {@code expected} records; fails on fewer. */
    static long readToEnd(String bootstrap, int expected) {
        long start = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(KafkaSupport.committedReader(bootstrap),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(TopicNames.CONTROL_STATE, TopicNames.PROFILE_STATE, TopicNames.CONFIG_STATE)) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long read = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (!atEnd(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("raw consumer did not reach the end in 5 minutes: " + read);
                }
                read += consumer.poll(Duration.ofMillis(100)).count();
            }
            if (read < expected) {
                throw new IllegalStateException("raw consumer read " + read + " records, expected " + expected);
            }
        }
        return System.nanoTime() - start;
    }

    private static boolean atEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
