package com.tradingcontrol.domain;

import java.time.Instant;

/**
 * Put a scope into reduce-only ("close positions, open none"), optionally until {@code expiresAt}
 * (nullable = until lifted).
 */
public record SetReduceOnly(Scope scope, String reason, Instant expiresAt) implements ControlCommand {
    @Override
    public Scope targetScope() {
        return scope;
    }
}
