package com.tradingcontrol.domain.config;

import com.tradingcontrol.domain.ConfigUpdated;
import com.tradingcontrol.domain.Provenance;
import com.tradingcontrol.domain.RecordedEvent;

/** Folds {@link ConfigUpdated} into {@link ConfigState}. Needs no catalogue: events are facts. */
public final class ConfigEvolver {

    private ConfigEvolver() {
    }

    /** @throws IllegalArgumentException if the event is not a ConfigUpdated for this key (a routing bug) */
    public static ConfigState evolve(ConfigState state, RecordedEvent recorded) {
        if (!(recorded.event() instanceof ConfigUpdated event) || !event.key().equals(state.key())) {
            throw new IllegalArgumentException("event " + recorded.event() + " does not belong to " + state.aggregateId());
        }
        return new ConfigState(state.key(), state.version() + 1, event.value(),
                Provenance.of(recorded.meta(), event.reason()));
    }
}
