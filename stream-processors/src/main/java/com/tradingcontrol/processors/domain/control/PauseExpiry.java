package com.tradingcontrol.processors.domain.control;

import com.tradingcontrol.processors.domain.DomainEvent;
import com.tradingcontrol.processors.domain.PauseExpired;

import java.time.Instant;
import java.util.List;

/**
 * Timed pauses end through an event, so the end of a pause is audited like any other change. The
 * topology calls this from a wall-clock punctuation for every control state it holds.
 */
public final class PauseExpiry {

    private PauseExpiry() {
    }

    /**
     * @return a single {@link PauseExpired} (stamped with the pause's own {@code expiresAt}, so the
     *         event is the same whenever the punctuation happens to run) if the pause has expired at
     *         {@code now}; otherwise nothing
     */
    public static List<DomainEvent> expire(ControlState state, Instant now) {
        ControlState.Pause pause = state.pause();
        if (pause == null || pause.appliesAt(now)) {
            return List.of();
        }
        return List.of(new PauseExpired(state.scope(), pause.expiresAt()));
    }
}
