package com.tradingcontrol.processors.topology;

import com.tradingcontrol.domain.AggregateIds;
import com.tradingcontrol.domain.AggregateState;
import com.tradingcontrol.domain.TradingDomain;
import com.tradingcontrol.domain.config.ConfigState;
import com.tradingcontrol.domain.control.ControlState;
import com.tradingcontrol.domain.profile.ProfileState;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The per-aggregate-type state stores of a task, addressed by aggregate id, with the most recently
 * used states kept as objects.
 *
 * <p>Why the object cache: the stores hold JSON, and Kafka Streams' own cache holds bytes, so every
 * command used to parse its aggregate's JSON again (about a tenth of the stream thread's CPU in the
 * loaded halt bench). The states are immutable, every write of this task's stores goes through
 * {@link #save}, and an instance lives as long as its processor (a task that is closed, revived or
 * moved gets a new one), so the cache can never hold a state the store does not.
 */
final class AggregateStores {

    /** Aggregates per task kept as objects; a few hundred bytes each. */
    static final int CACHED_STATES = 4096;

    final KeyValueStore<String, ControlState> control;
    final KeyValueStore<String, ConfigState> config;
    final KeyValueStore<String, ProfileState> profile;
    private final Map<String, AggregateState> recent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, AggregateState> eldest) {
            return size() > CACHED_STATES;
        }
    };

    AggregateStores(ProcessorContext<?, ?> context) {
        control = context.getStateStore(StoreNames.CONTROL_STATES);
        config = context.getStateStore(StoreNames.CONFIG_STATES);
        profile = context.getStateStore(StoreNames.PROFILE_STATES);
    }

    /** The current state, or the initial state when the aggregate has no events yet. */
    AggregateState load(String aggregateId) {
        AggregateState cached = recent.get(aggregateId);
        if (cached != null) {
            return cached;
        }
        AggregateState stored;
        if (aggregateId.startsWith(AggregateIds.CONFIG_PREFIX)) {
            stored = config.get(aggregateId);
        } else if (aggregateId.startsWith(AggregateIds.PROFILE_PREFIX)) {
            stored = profile.get(aggregateId);
        } else {
            stored = control.get(aggregateId);
        }
        if (stored == null) {
            return TradingDomain.initialState(aggregateId);
        }
        recent.put(aggregateId, stored);
        return stored;
    }

    void save(AggregateState state) {
        if (state instanceof ControlState c) {
            control.put(c.aggregateId(), c);
        } else if (state instanceof ConfigState c) {
            config.put(c.aggregateId(), c);
        } else {
            ProfileState p = (ProfileState) state;
            profile.put(p.aggregateId(), p);
        }
        recent.put(state.aggregateId(), state);
    }
}
