package com.tradingcontrol.api.reads;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a fixed range of a topic: for each partition from a start offset up to (excluding) an end
 * offset captured beforehand, so a read of a live log terminates. With read_committed, offsets taken
 * by transaction markers never arrive as records; progress is therefore judged by the consumer's
 * position, not by the last record seen.
 */
public final class LogRange {

    /** Receives each record of the range, partition by partition in offset order (partitions interleave). */
    @FunctionalInterface
    public interface RecordHandler {
        /** @return false to stop reading early */
        boolean accept(ConsumerRecord<String, byte[]> record);
    }

    private static final Duration POLL = Duration.ofMillis(200);

    private LogRange() {
    }

    /**
     * @param consumer a consumer already assigned (at least) the partitions of {@code end}
     * @param stall    the read fails when no partition makes progress for this long
     * @return the number of records handed to {@code handler}
     */
    public static long read(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> start,
                            Map<TopicPartition, Long> end, Duration stall, RecordHandler handler) {
        Map<TopicPartition, Long> remaining = new HashMap<>();
        end.forEach((tp, endOffset) -> {
            if (start.getOrDefault(tp, 0L) < endOffset) {
                remaining.put(tp, endOffset);
            }
        });
        consumer.assign(remaining.keySet());
        remaining.keySet().forEach(tp -> consumer.seek(tp, start.getOrDefault(tp, 0L)));
        long delivered = 0;
        long lastProgress = System.nanoTime();
        while (!remaining.isEmpty()) {
            ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
            for (ConsumerRecord<String, byte[]> record : records) {
                TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                Long endOffset = remaining.get(tp);
                if (endOffset == null || record.offset() >= endOffset) {
                    continue;
                }
                delivered++;
                if (!handler.accept(record)) {
                    return delivered;
                }
            }
            if (!records.isEmpty()) {
                lastProgress = System.nanoTime();
            }
            remaining.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            if (!remaining.isEmpty() && System.nanoTime() - lastProgress > stall.toNanos()) {
                throw new IllegalStateException("reading " + remaining.keySet() + " made no progress for " + stall);
            }
            if (!remaining.isEmpty()) {
                consumer.pause(pausedDone(consumer, remaining));
            }
        }
        return delivered;
    }

    /** Partitions already read to their end keep quiet while the others catch up. */
    private static Set<TopicPartition> pausedDone(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> remaining) {
        Set<TopicPartition> done = new HashSet<>(consumer.assignment());
        done.removeAll(remaining.keySet());
        return done;
    }
}
