package com.tradingcontrol.client.internals;

import com.tradingcontrol.client.DecisionCause;
import com.tradingcontrol.domain.ControlMode;
import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.schemas.avro.HaltSignal;

import java.time.Instant;

/**
 * A fast halt the client applies while the platform decides the command. Built only from a
 * {@link HaltSignal}, whose kinds are all restrictions: there is no way to express a loosening here.
 *
 * @param receivedAt when the reader got the signal (client clock)
 */
record PendingHalt(String commandId, Scope scope, DecisionCause.Kind kind, ControlMode mode, String actor,
                   String reason, Instant issuedAt, Instant expiresAt, Instant decideBy, Instant receivedAt) {

    /** @throws IllegalArgumentException if the scope is malformed */
    static PendingHalt of(HaltSignal signal, Instant receivedAt) {
        DecisionCause.Kind kind = switch (signal.getKind()) {
            case KILL_SWITCH -> DecisionCause.Kind.KILL_SWITCH;
            case PAUSE -> DecisionCause.Kind.PAUSE;
            case MAINTENANCE -> DecisionCause.Kind.MAINTENANCE;
            case REDUCE_ONLY -> DecisionCause.Kind.REDUCE_ONLY;
        };
        return new PendingHalt(signal.getCommandId(), Scope.parse(signal.getScope()), kind, modeOf(kind),
                signal.getActor(), signal.getReason(), signal.getIssuedAt(), signal.getExpiresAt(),
                signal.getDecideBy(), receivedAt);
    }

    static ControlMode modeOf(DecisionCause.Kind kind) {
        return switch (kind) {
            case KILL_SWITCH -> ControlMode.HALTED;
            case PAUSE, MAINTENANCE -> ControlMode.PAUSED;
            case REDUCE_ONLY -> ControlMode.REDUCE_ONLY;
            default -> throw new IllegalArgumentException("not a fast-halt kind: " + kind);
        };
    }

    /** A timed pause or reduce-only stops restricting at its {@code expiresAt}, as in the state. */
    boolean appliesAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }

    DecisionCause cause() {
        return new DecisionCause(scope.toString(), kind, mode, actor, issuedAt, reason, expiresAt, commandId, null,
                -1, true);
    }
}
