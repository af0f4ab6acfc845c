package com.tradingcontrol.api.state;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The events between two snapshots: where they are in the log, their time span and, while the
 * index's memory budget allows, the events themselves. A chunk without events is re-read from
 * Kafka by offset when a query needs it.
 *
 * @param start         positions of the snapshot the chunk follows
 * @param end           positions after its last event
 * @param minOccurredAt earliest occurredAt in the chunk (epoch ms)
 * @param events        the chunk's foldable events in folding order, or null when not held in memory
 */
record Chunk(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end, long minOccurredAt, ChunkEvents events) {
    Chunk {
        start = Map.copyOf(start);
        end = Map.copyOf(end);
    }

    boolean inMemory() {
        return events != null;
    }

    Chunk withoutEvents() {
        return new Chunk(start, end, minOccurredAt, null);
    }
}
