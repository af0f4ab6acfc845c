package com.tradingcontrol.processors.topology;

import com.tradingcontrol.processors.domain.AggregateIds;
import com.tradingcontrol.processors.domain.AggregateState;
import com.tradingcontrol.processors.domain.TradingDomain;
import com.tradingcontrol.processors.domain.config.ConfigState;
import com.tradingcontrol.processors.domain.control.ControlState;
import com.tradingcontrol.processors.domain.profile.ProfileState;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/** The per-aggregate-type state stores of a task, addressed by aggregate id. */
final class AggregateStores {

    final KeyValueStore<String, ControlState> control;
    final KeyValueStore<String, ConfigState> config;
    final KeyValueStore<String, ProfileState> profile;

    AggregateStores(ProcessorContext<?, ?> context) {
        control = context.getStateStore(StoreNames.CONTROL_STATES);
        config = context.getStateStore(StoreNames.CONFIG_STATES);
        profile = context.getStateStore(StoreNames.PROFILE_STATES);
    }

    /** The current state, or the initial state when the aggregate has no events yet. */
    AggregateState load(String aggregateId) {
        AggregateState stored;
        if (aggregateId.startsWith(AggregateIds.CONFIG_PREFIX)) {
            stored = config.get(aggregateId);
        } else if (aggregateId.startsWith(AggregateIds.PROFILE_PREFIX)) {
            stored = profile.get(aggregateId);
        } else {
            stored = control.get(aggregateId);
        }
        return stored != null ? stored : TradingDomain.initialState(aggregateId);
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
    }
}
