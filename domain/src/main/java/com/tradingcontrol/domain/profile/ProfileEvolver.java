package com.tradingcontrol.domain.profile;

import com.tradingcontrol.domain.AggregateIds;
import com.tradingcontrol.domain.ProfileCreated;
import com.tradingcontrol.domain.ProfileDisabled;
import com.tradingcontrol.domain.ProfileEnabled;
import com.tradingcontrol.domain.ProfileEvent;
import com.tradingcontrol.domain.Provenance;
import com.tradingcontrol.domain.RecordedEvent;

/** Folds profile events into {@link ProfileState}. */
public final class ProfileEvolver {

    private ProfileEvolver() {
    }

    /** @throws IllegalArgumentException if the event is not a profile event of this aggregate (a routing bug) */
    public static ProfileState evolve(ProfileState state, RecordedEvent recorded) {
        if (!(recorded.event() instanceof ProfileEvent event) || !AggregateIds.of(event).equals(state.aggregateId())) {
            throw new IllegalArgumentException("event " + recorded.event() + " does not belong to " + state.aggregateId());
        }
        long next = state.version() + 1;
        if (event instanceof ProfileCreated created) {
            return new ProfileState(state.tenantId(), state.profileId(), next, true, created.name(), false,
                    Provenance.of(recorded.meta(), null));
        }
        boolean enabled = event instanceof ProfileEnabled;
        String reason = enabled ? ((ProfileEnabled) event).reason()
                : ((ProfileDisabled) event).reason();
        return new ProfileState(state.tenantId(), state.profileId(), next, true, state.name(), enabled,
                Provenance.of(recorded.meta(), reason));
    }
}
