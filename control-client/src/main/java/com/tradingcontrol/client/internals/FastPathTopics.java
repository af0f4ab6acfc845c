package com.tradingcontrol.client.internals;

import com.tradingcontrol.schemas.topics.TopicNames;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fast halt path's topics, read beside the state topics by the same consumer. They are not read
 * from the beginning (signals matter for seconds): each partition starts at the first record at or
 * after now minus the look-back, else at its end. The signal topic has no transactions, so
 * {@code read_committed} delivers its records as soon as they are written; outcomes are written in
 * the processors' transactions, so only committed decisions are seen.
 */
final class FastPathTopics {

    static final List<String> TOPICS = List.of(TopicNames.HALT_SIGNALS, TopicNames.COMMAND_OUTCOMES);

    private FastPathTopics() {
    }

    static List<TopicPartition> partitions(Consumer<String, byte[]> consumer, Duration timeout) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("fast halt topic " + topic + " does not exist (yet); "
                        + "set fastHalts(false) for a platform without it");
            }
            infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
        }
        return partitions;
    }

    /** Positions each partition at now minus {@code lookback} (by record timestamp), else at its end. */
    static void seek(Consumer<String, byte[]> consumer, List<TopicPartition> partitions, Clock clock,
                     Duration lookback, Duration timeout) {
        long from = clock.millis() - lookback.toMillis();
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(p -> times.put(p, from));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times, timeout);
        List<TopicPartition> toEnd = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp at = found.get(partition);
            if (at == null) {
                toEnd.add(partition);
            } else {
                consumer.seek(partition, at.offset());
            }
        }
        if (!toEnd.isEmpty()) {
            // Never with an empty list: Kafka reads that as "every assigned partition", which would move
            // the state topics (read from the beginning) to their end and hide every record before start.
            consumer.seekToEnd(toEnd);
        }
    }
}
