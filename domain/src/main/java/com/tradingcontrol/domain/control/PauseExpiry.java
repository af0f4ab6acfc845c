package com.tradingcontrol.domain.control;

import com.tradingcontrol.domain.DomainEvent;
import com.tradingcontrol.domain.ProposalExpired;
import com.tradingcontrol.domain.PauseExpired;
import com.tradingcontrol.domain.ReduceOnlyExpired;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Timed pauses, timed reduce-only and unapproved two-person proposals end through an event, so their end is audited like any other
 * change. The topology calls this from a wall-clock punctuation for every control state it holds.
 */
public final class PauseExpiry {

    private PauseExpiry() {
    }

    /**
     * @return a {@link PauseExpired} if the pause has expired at {@code now}, then a
     *         {@link ReduceOnlyExpired} if the reduce-only has, then a {@link ProposalExpired} for every
     *         two-person proposal that has; each stamped with the control's own
     *         {@code expiresAt}, so the events are the same whenever the punctuation happens to run
     */
    public static List<DomainEvent> expire(ControlState state, Instant now) {
        List<DomainEvent> events = new ArrayList<>(3);
        if (lapsed(state.pause(), now)) {
            events.add(new PauseExpired(state.scope(), state.pause().expiresAt()));
        }
        if (lapsed(state.reduceOnly(), now)) {
            events.add(new ReduceOnlyExpired(state.scope(), state.reduceOnly().expiresAt()));
        }
        for (TwoPersonProposals.Proposal proposal : state.proposals().all()) {
            if (lapsed(proposal, now)) {
                events.add(new ProposalExpired(proposal.action(), proposal.expiresAt()));
            }
        }
        return List.copyOf(events);
    }

    /** The earliest expiry among the timed controls in force, or null when none is timed. */
    public static Instant nextExpiry(ControlState state) {
        Instant next = earliest(expiry(state.pause()), expiry(state.reduceOnly()));
        for (TwoPersonProposals.Proposal proposal : state.proposals().all()) {
            next = earliest(next, proposal.expiresAt());
        }
        return next;
    }

    private static Instant expiry(ControlState.Timed control) {
        return control == null ? null : control.expiresAt();
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isBefore(b) ? a : b;
    }

    private static boolean lapsed(ControlState.Timed control, Instant now) {
        return control != null && !control.appliesAt(now);
    }
}
