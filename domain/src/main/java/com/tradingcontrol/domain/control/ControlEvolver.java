package com.tradingcontrol.domain.control;

import com.tradingcontrol.domain.AggregateIds;
import com.tradingcontrol.domain.ControlEvent;
import com.tradingcontrol.domain.EventMeta;
import com.tradingcontrol.domain.KillSwitchEngaged;
import com.tradingcontrol.domain.KillSwitchReleased;
import com.tradingcontrol.domain.MaintenanceModeChanged;
import com.tradingcontrol.domain.PauseExpired;
import com.tradingcontrol.domain.ProposalAction;
import com.tradingcontrol.domain.ProposalClosed;
import com.tradingcontrol.domain.ProposalOpened;
import com.tradingcontrol.domain.Provenance;
import com.tradingcontrol.domain.RecordedEvent;
import com.tradingcontrol.domain.ReduceOnlyExpired;
import com.tradingcontrol.domain.ReduceOnlyLifted;
import com.tradingcontrol.domain.ReduceOnlySet;
import com.tradingcontrol.domain.TradingPaused;
import com.tradingcontrol.domain.TradingResumed;

/** Folds trading-control events into {@link ControlState}. Every event bumps the version by one. */
public final class ControlEvolver {

    private ControlEvolver() {
    }

    /**
     * @throws IllegalArgumentException if the event is not a control event of this state's scope
     *                                  (a routing bug in the caller, never a business outcome)
     */
    public static ControlState evolve(ControlState state, RecordedEvent recorded) {
        if (!(recorded.event() instanceof ControlEvent event)
                || !AggregateIds.of(event).equals(state.aggregateId())) {
            throw new IllegalArgumentException("event " + recorded.event() + " does not belong to " + state.aggregateId());
        }
        EventMeta meta = recorded.meta();
        long next = state.version() + 1;
        if (event instanceof TradingPaused e) {
            return state.withPause(next, new ControlState.Pause(Provenance.of(meta, e.reason()), e.expiresAt()));
        }
        if (event instanceof TradingResumed || event instanceof PauseExpired) {
            return ended(state.withPause(next, null), ProposalAction.GLOBAL_RESUME);
        }
        if (event instanceof ReduceOnlySet e) {
            return state.withReduceOnly(next, new ControlState.ReduceOnly(Provenance.of(meta, e.reason()), e.expiresAt()));
        }
        if (event instanceof ReduceOnlyLifted || event instanceof ReduceOnlyExpired) {
            return state.withReduceOnly(next, null);
        }
        if (event instanceof KillSwitchEngaged e) {
            return state.withKillSwitch(next, new ControlState.KillSwitch(Provenance.of(meta, e.reason())));
        }
        if (event instanceof KillSwitchReleased) {
            return ended(state.withKillSwitch(next, null), ProposalAction.KILL_SWITCH_RELEASE);
        }
        if (event instanceof ProposalOpened e) {
            return state.withProposals(next, state.proposals().with(
                    new TwoPersonProposals.Proposal(e.action(), Provenance.of(meta, e.reason()), e.expiresAt())));
        }
        if (event instanceof ProposalClosed e) {
            return ended(state.withProposals(next, state.proposals()), e.action());
        }
        MaintenanceModeChanged e = (MaintenanceModeChanged) event;
        if (!e.on()) {
            return ended(state.withMaintenance(next, null), ProposalAction.MAINTENANCE_OFF);
        }
        return state.withMaintenance(next, new ControlState.Maintenance(e.message(), Provenance.of(meta, e.reason())));
    }

    /**
     * Drops the proposal of {@code action}: it was decided (approved, rejected, cancelled), lapsed, or
     * what it proposed to lift ended some other way (a pause expired), so nothing is left to approve.
     */
    private static ControlState ended(ControlState state, ProposalAction action) {
        return state.withProposals(state.version(), state.proposals().without(action));
    }
}
