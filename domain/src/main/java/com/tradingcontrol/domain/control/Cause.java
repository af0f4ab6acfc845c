package com.tradingcontrol.domain.control;

import com.tradingcontrol.domain.ControlMode;
import com.tradingcontrol.domain.Scope;

import java.time.Instant;

/**
 * One control that contributes to an effective mode, with its provenance.
 *
 * @param expiresAt nullable; only pauses and reduce-only expire
 * @param message   nullable; the user-facing maintenance message
 */
public record Cause(Scope scope, Kind kind, ControlMode mode, String setBy, Instant setAt, String reason,
                    String commandId, Instant expiresAt, String message) {

    /**
     * What restricts trading: a control set on a scope, or the state of the profile asked about
     * ({@code PROFILE_DISABLED}: disabled by its owner or staff; {@code PROFILE_UNKNOWN}: the platform
     * has no such profile in the tenant). A profile that may not trade may still close positions, as
     * may a scope under {@code REDUCE_ONLY}. New kinds are added at the end.
     */
    public enum Kind { KILL_SWITCH, MAINTENANCE, PAUSE, PROFILE_DISABLED, PROFILE_UNKNOWN, REDUCE_ONLY }

    /** Short human description, e.g. "kill switch engaged" or "trading paused on tenant:u1". */
    public String describe() {
        return switch (kind) {
            case KILL_SWITCH -> "kill switch engaged";
            case MAINTENANCE -> "maintenance mode on";
            case PAUSE -> "trading paused on " + scope;
            case REDUCE_ONLY -> "reduce-only on " + scope;
            case PROFILE_DISABLED -> "profile " + scope.profileId() + " disabled";
            case PROFILE_UNKNOWN -> "profile " + scope.profileId() + " unknown in tenant " + scope.tenantId();
        };
    }
}
