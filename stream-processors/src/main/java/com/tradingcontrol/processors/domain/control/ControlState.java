package com.tradingcontrol.processors.domain.control;

import com.tradingcontrol.processors.domain.AggregateState;
import com.tradingcontrol.processors.domain.Provenance;
import com.tradingcontrol.processors.domain.Scope;

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
 */
public record ControlState(Scope scope, long version, Pause pause, KillSwitch killSwitch, Maintenance maintenance)
        implements AggregateState {

    /** @param expiresAt nullable: paused until resumed */
    public record Pause(Provenance setBy, Instant expiresAt) {
        /** Expired pauses no longer restrict trading, even before their PauseExpired event is folded. */
        public boolean appliesAt(Instant now) {
            return expiresAt == null || now.isBefore(expiresAt);
        }
    }

    public record KillSwitch(Provenance engagedBy) {
    }

    public record Maintenance(String message, Provenance enabledBy) {
    }

    public ControlState {
        Objects.requireNonNull(scope, "scope");
    }

    public static ControlState initial(Scope scope) {
        return new ControlState(scope, 0, null, null, null);
    }

    @Override
    public String aggregateId() {
        return scope.toString();
    }

    public boolean isPausedAt(Instant now) {
        return pause != null && pause.appliesAt(now);
    }

    public boolean isKillSwitchEngaged() {
        return killSwitch != null;
    }

    public boolean isMaintenanceOn() {
        return maintenance != null;
    }

    ControlState withPause(long newVersion, Pause newPause) {
        return new ControlState(scope, newVersion, newPause, killSwitch, maintenance);
    }

    ControlState withKillSwitch(long newVersion, KillSwitch newKillSwitch) {
        return new ControlState(scope, newVersion, pause, newKillSwitch, maintenance);
    }

    ControlState withMaintenance(long newVersion, Maintenance newMaintenance) {
        return new ControlState(scope, newVersion, pause, killSwitch, newMaintenance);
    }
}
