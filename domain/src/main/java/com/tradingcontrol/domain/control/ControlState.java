package com.tradingcontrol.domain.control;

import com.tradingcontrol.domain.AggregateState;
import com.tradingcontrol.domain.ControlMode;
import com.tradingcontrol.domain.ProposalAction;
import com.tradingcontrol.domain.Provenance;
import com.tradingcontrol.domain.Scope;

import java.time.Instant;
import java.util.Objects;

/**
 * State of one trading-control aggregate (one scope). Every control remembers who set it, when
 * and why, so the effective mode can be explained. Kill switch and maintenance are only ever set
 * on the {@code global} aggregate.
 *
 * @param pause       nullable; may have expired by wall-clock time before its PauseExpired event
 * @param killSwitch  nullable; non-null means engaged
 * @param maintenance nullable; non-null means maintenance mode is on
 * @param reduceOnly  nullable; may have expired by wall-clock time before its ReduceOnlyExpired event
 * @param proposals   the open two-person proposals (global scope only; never null)
 */
public record ControlState(Scope scope, long version, Pause pause, KillSwitch killSwitch, Maintenance maintenance,
                           ReduceOnly reduceOnly, TwoPersonProposals proposals)
        implements AggregateState {

    /** A control that may lapse by itself at {@code expiresAt} (nullable: until lifted). */
    public interface Timed {
        Provenance setBy();

        Instant expiresAt();

        /** Expired controls no longer restrict trading, even before their expiry event is folded. */
        default boolean appliesAt(Instant now) {
            return expiresAt() == null || now.isBefore(expiresAt());
        }
    }

    /** @param expiresAt nullable: paused until resumed */
    public record Pause(Provenance setBy, Instant expiresAt) implements Timed {
    }

    /** Reduce-only: positions may be closed, none opened. @param expiresAt nullable: until lifted */
    public record ReduceOnly(Provenance setBy, Instant expiresAt) implements Timed {
    }

    /** An engaged kill switch. */
    public record KillSwitch(Provenance engagedBy) {
    }

    public record Maintenance(String message, Provenance enabledBy) {
    }

    public ControlState {
        Objects.requireNonNull(scope, "scope");
        proposals = proposals == null ? TwoPersonProposals.NONE : proposals;
    }

    /** A state without two-person proposals. */
    public ControlState(Scope scope, long version, Pause pause, KillSwitch killSwitch, Maintenance maintenance,
                        ReduceOnly reduceOnly) {
        this(scope, version, pause, killSwitch, maintenance, reduceOnly, TwoPersonProposals.NONE);
    }

    /** A state without reduce-only (records and documents written before reduce-only existed). */
    public ControlState(Scope scope, long version, Pause pause, KillSwitch killSwitch, Maintenance maintenance) {
        this(scope, version, pause, killSwitch, maintenance, null, TwoPersonProposals.NONE);
    }

    public static ControlState initial(Scope scope) {
        return new ControlState(scope, 0, null, null, null, null, TwoPersonProposals.NONE);
    }

    @Override
    public String aggregateId() {
        return scope.toString();
    }

    public boolean isPausedAt(Instant now) {
        return pause != null && pause.appliesAt(now);
    }

    public boolean isReduceOnlyAt(Instant now) {
        return reduceOnly != null && reduceOnly.appliesAt(now);
    }

    public boolean isKillSwitchEngaged() {
        return killSwitch != null;
    }

    /** The open proposal of {@code action}, or null; may have lapsed by wall-clock time before its expiry event. */
    public TwoPersonProposals.Proposal proposal(ProposalAction action) {
        return proposals.get(action);
    }

    public boolean isMaintenanceOn() {
        return maintenance != null;
    }

    /**
     * The mode this scope imposes on its own while its controls stand: kill switch HALTED, pause or
     * maintenance PAUSED, reduce-only REDUCE_ONLY (the precedence of {@link EffectiveModeCalculator}).
     * Timed controls count until their expiry event is folded; the calculator, which knows the time,
     * drops them at their {@code expiresAt}. The one definition behind the control-state record's and
     * the trading-control document's {@code mode}.
     */
    public ControlMode imposedMode() {
        if (isKillSwitchEngaged()) {
            return ControlMode.HALTED;
        }
        if (pause != null || isMaintenanceOn()) {
            return ControlMode.PAUSED;
        }
        return reduceOnly != null ? ControlMode.REDUCE_ONLY : ControlMode.ACTIVE;
    }

    ControlState withPause(long newVersion, Pause newPause) {
        return new ControlState(scope, newVersion, newPause, killSwitch, maintenance, reduceOnly, proposals);
    }

    ControlState withKillSwitch(long newVersion, KillSwitch newKillSwitch) {
        return new ControlState(scope, newVersion, pause, newKillSwitch, maintenance, reduceOnly, proposals);
    }

    ControlState withMaintenance(long newVersion, Maintenance newMaintenance) {
        return new ControlState(scope, newVersion, pause, killSwitch, newMaintenance, reduceOnly, proposals);
    }

    ControlState withProposals(long newVersion, TwoPersonProposals newProposals) {
        return new ControlState(scope, newVersion, pause, killSwitch, maintenance, reduceOnly, newProposals);
    }

    ControlState withReduceOnly(long newVersion, ReduceOnly newReduceOnly) {
        return new ControlState(scope, newVersion, pause, killSwitch, maintenance, newReduceOnly, proposals);
    }
}
