package com.tradingcontrol.processors.topology;

import com.tradingcontrol.domain.control.ControlState;
import com.tradingcontrol.domain.control.PauseExpiry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * In-memory index of the timed controls (pauses, reduce-only) a task holds, so the wall-clock punctuation looks at a few
 * entries instead of scanning the store every few hundred milliseconds. It is rebuilt from the
 * store whenever the processor is (re)initialised, i.e. after every restore, and only ever a hint:
 * the store's state and the domain's {@code PauseExpiry} decide whether anything expires.
 */
final class ExpiryIndex {

    private final Map<String, Instant> expiresAt = new HashMap<>();

    void rebuild(KeyValueStore<String, ControlState> store) {
        expiresAt.clear();
        try (KeyValueIterator<String, ControlState> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, ControlState> entry = all.next();
                track(entry.value);
            }
        }
    }

    void track(ControlState state) {
        Instant next = PauseExpiry.nextExpiry(state);
        if (next != null) {
            expiresAt.put(state.aggregateId(), next);
        } else {
            expiresAt.remove(state.aggregateId());
        }
    }

    /** Aggregate ids whose earliest timed control has expired at {@code now}. */
    List<String> due(Instant now) {
        List<String> due = new ArrayList<>();
        expiresAt.forEach((id, at) -> {
            if (!now.isBefore(at)) {
                due.add(id);
            }
        });
        return due;
    }
}
