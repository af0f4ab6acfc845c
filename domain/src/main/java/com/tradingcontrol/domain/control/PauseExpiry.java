package com.tradingcontrol.domain.control;

import com.tradingcontrol.domain.DomainEvent;
import com.tradingcontrol.domain.PauseExpired;
import com.tradingcontrol.domain.ReduceOnlyExpired;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Timed pauses and timed reduce-only end through an event, so their end is audited like any other
 * change. The topology calls this from a wall-clock punctuation for every control state it holds.
 */
public final class PauseExpiry {

    private PauseExpiry() {
    }

    /**
     * @return a {@link PauseExpired} if the pause has expired at {@code now}, then a
     *         {@link ReduceOnlyExpired} if the reduce-only has; each stamped with the control's own
     *         {@code expiresAt}, so the events are the same whenever the punctuation happens to run
     */
    public static List<DomainEvent> expire(ControlState state, Instant now) {
        List<DomainEvent> events = new ArrayList<>(2);
        if (lapsed(state.pause(), now)) {
            events.add(new PauseExpired(state.scope(), state.pause().expiresAt()));
        }
        if (lapsed(state.reduceOnly(), now)) {
            events.add(new ReduceOnlyExpired(state.scope(), state.reduceOnly().expiresAt()));
        }
        return List.copyOf(events);
    }

    /** The earliest expiry among the timed controls in force, or null when none is timed. */
    public static Instant nextExpiry(ControlState state) {
        Instant pause = state.pause() == null ? null : state.pause().expiresAt();
        Instant reduceOnly = state.reduceOnly() == null ? null : state.reduceOnly().expiresAt();
        if (pause == null || reduceOnly == null) {
            return pause == null ? reduceOnly : pause;
        }
        return pause.isBefore(reduceOnly) ? pause : reduceOnly;
    }

    private static boolean lapsed(ControlState.Timed control, Instant now) {
        return control != null && !control.appliesAt(now);
    }
}
