package com.tradingcontrol.domain.control;

import com.tradingcontrol.domain.AggregateIds;
import com.tradingcontrol.domain.ControlEvent;
import com.tradingcontrol.domain.EventMeta;
import com.tradingcontrol.domain.KillSwitchEngaged;
import com.tradingcontrol.domain.KillSwitchReleaseCancelled;
import com.tradingcontrol.domain.KillSwitchReleaseExpired;
import com.tradingcontrol.domain.KillSwitchReleaseProposed;
import com.tradingcontrol.domain.KillSwitchReleaseRejected;
import com.tradingcontrol.domain.KillSwitchReleased;
import com.tradingcontrol.domain.MaintenanceModeChanged;
import com.tradingcontrol.domain.PauseExpired;
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
            return state.withPause(next, null);
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
            return state.withKillSwitch(next, null);
        }
        if (event instanceof KillSwitchReleaseProposed e) {
            return withProposal(state, next,
                    new ControlState.ReleaseProposal(Provenance.of(meta, e.reason()), e.expiresAt()));
        }
        if (event instanceof KillSwitchReleaseRejected || event instanceof KillSwitchReleaseCancelled
                || event instanceof KillSwitchReleaseExpired) {
            return withProposal(state, next, null);
        }
        MaintenanceModeChanged e = (MaintenanceModeChanged) event;
        ControlState.Maintenance maintenance = e.on()
                ? new ControlState.Maintenance(e.message(), Provenance.of(meta, e.reason()))
                : null;
        return state.withMaintenance(next, maintenance);
    }

    /** A proposal only exists on an engaged kill switch; without one the event only bumps the version. */
    private static ControlState withProposal(ControlState state, long next, ControlState.ReleaseProposal proposal) {
        ControlState.KillSwitch killSwitch = state.killSwitch();
        return state.withKillSwitch(next, killSwitch == null ? null : killSwitch.withReleaseProposal(proposal));
    }
}
