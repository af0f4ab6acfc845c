package com.tradingcontrol.api.state;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The events between two snapshots: where they are in the log and their time span. Only positions
 * and times are kept, not the events: a query re-reads the few events it needs from Kafka by offset,
 * so memory stays small however long the log is.
 *
 * @param start       positions of the snapshot the chunk follows
 * @param end         positions after its last event
 * @param minOccurredAt earliest occurredAt in the chunk (epoch ms)
 */
record Chunk(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end, long minOccurredAt) {
    Chunk {
        start = Map.copyOf(start);
        end = Map.copyOf(end);
    }
}
