package com.tradingcontrol.domain.control;

import com.tradingcontrol.domain.DomainEvent;
import com.tradingcontrol.domain.ProposalAction;
import com.tradingcontrol.domain.ProposalCancelled;
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
     * @return a {@link PauseExpired} if the pause has expired at {@code now} (followed by a
     *         {@link ProposalCancelled} of a global resume proposal still open: nothing is left to
     *         resume), then a {@link ReduceOnlyExpired} if the reduce-only has, then a
     *         {@link ProposalExpired} for every two-person proposal that has; each stamped with the
     *         control's own {@code expiresAt}, so the events are the same whenever the punctuation
     *         happens to run
     */
    public static List<DomainEvent> expire(ControlState state, Instant now) {
        List<DomainEvent> events = new ArrayList<>(3);
        if (lapsed(state.pause(), now)) {
            Instant expiredAt = state.pause().expiresAt();
            events.add(new PauseExpired(state.scope(), expiredAt));
            // Judged at the pause's expiry, not at now, so a late scan emits the same events.
            if (state.proposals().openAt(ProposalAction.GLOBAL_RESUME, expiredAt) != null) {
                events.add(new ProposalCancelled(ProposalAction.GLOBAL_RESUME,
                        "the global pause expired at " + expiredAt + "; nothing is left to resume"));
            }
        }
        if (lapsed(state.reduceOnly(), now)) {
            events.add(new ReduceOnlyExpired(state.scope(), state.reduceOnly().expiresAt()));
        }
        for (TwoPersonProposals.Proposal proposal : state.proposals().all()) {
            if (lapsed(proposal, now) && !closed(events, proposal.action())) {
                events.add(new ProposalExpired(proposal.action(), proposal.expiresAt()));
            }
        }
        return List.copyOf(events);
    }

    private static boolean closed(List<DomainEvent> events, ProposalAction action) {
        return events.stream().anyMatch(e -> e instanceof ProposalCancelled c && c.action() == action);
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
