package com.tradingcontrol.api.state;

import com.tradingcontrol.domain.AggregateState;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Every aggregate's state after folding the log up to {@code positions} (next offset per partition).
 *
 * @param maxOccurredAt the latest {@code occurredAt} among the folded events (epoch ms; Long.MIN_VALUE for none):
 *                      the snapshot is the state at any instant at or after it, up to the next event
 */
record Snapshot(Map<TopicPartition, Long> positions, long maxOccurredAt, Map<String, AggregateState> states) {
    Snapshot {
        positions = Map.copyOf(positions);
        states = Map.copyOf(states);
    }
}
