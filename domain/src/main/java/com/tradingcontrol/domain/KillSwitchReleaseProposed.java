package com.tradingcontrol.domain;

import java.time.Instant;

/** An admin proposed releasing the kill switch; it stays engaged until a second admin approves. */
public record KillSwitchReleaseProposed(String reason, Instant expiresAt) implements ControlEvent {
    @Override
    public Scope targetScope() {
        return Scope.global();
    }
}
