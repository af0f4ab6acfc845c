package com.tradingcontrol.api.state;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * The records of {@code trading.events} that could not be folded, by position, with their
 * occurredAt where it is known (a record that cannot be decoded has none, so it may lie before any
 * instant). A time-travel answer is incomplete when one of them may have occurred at or before its
 * instant. Up to {@link #MAX_REMEMBERED} positions are kept; beyond that they are only counted, and
 * every answer counts them (the log is then broken enough that a bound matters more than precision).
 * Not thread-safe: the index guards it; {@link #copy()} is immutable.
 */
final class SkippedEvents {

    /** occurredAt of a record that could not be decoded. */
    static final long UNKNOWN_TIME = Long.MIN_VALUE;
    static final int MAX_REMEMBERED = 10_000;

    record Position(TopicPartition partition, long offset) {}

    private final Map<Position, Long> remembered = new HashMap<>();
    private long forgotten;

    void add(Position position, long occurredAt) {
        if (remembered.size() < MAX_REMEMBERED || remembered.containsKey(position)) {
            remembered.put(position, occurredAt);
        } else {
            forgotten++;
        }
    }

    Copy copy() {
        return new Copy(remembered.isEmpty() ? Map.of() : Map.copyOf(remembered), forgotten);
    }

    /** An immutable copy, taken with an index view. */
    record Copy(Map<Position, Long> remembered, long forgotten) {
        static final Copy NONE = new Copy(Map.of(), 0);

        /**
         * How many skipped records may have occurred at or before {@code t}: these, together with
         * {@code alsoSkipped} (what a query could not fold itself), each position counted once.
         */
        long atOrBefore(long t, Map<Position, Long> alsoSkipped) {
            Set<Position> union = new HashSet<>();
            remembered.forEach((position, at) -> {
                if (at <= t) {
                    union.add(position);
                }
            });
            alsoSkipped.forEach((position, at) -> {
                if (at <= t) {
                    union.add(position);
                }
            });
            return union.size() + forgotten;
        }
    }
}
