package com.tradingcontrol.client;

import com.tradingcontrol.domain.Provenance;
import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.domain.control.ControlState;

import java.time.Instant;

/** Domain control states for tests, each control with its own provenance. */
final class States {

    static final Instant SET_AT = Instant.parse("2026-03-01T10:00:00Z");

    private States() {
    }

    static Provenance by(String who, String reason) {
        return new Provenance(who, SET_AT, "cmd-" + who, reason);
    }

    static ControlState pause(String scope, long version, String who, String reason, Instant expiresAt) {
        return new ControlState(Scope.parse(scope), version, new ControlState.Pause(by(who, reason), expiresAt),
                null, null, null);
    }

    static ControlState reduceOnly(String scope, long version, String who, String reason, Instant expiresAt) {
        return new ControlState(Scope.parse(scope), version, null, null, null,
                new ControlState.ReduceOnly(by(who, reason), expiresAt));
    }

    static ControlState killSwitch(long version, String who, String reason) {
        return new ControlState(Scope.global(), version, null, new ControlState.KillSwitch(by(who, reason)), null, null);
    }

    static ControlState maintenance(long version, String who, String message) {
        return new ControlState(Scope.global(), version, null, null,
                new ControlState.Maintenance(message, by(who, "planned work")), null);
    }

    static ControlState active(String scope, long version) {
        return new ControlState(Scope.parse(scope), version, null, null, null, null);
    }
}
