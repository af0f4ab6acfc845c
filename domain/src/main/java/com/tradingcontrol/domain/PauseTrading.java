package com.tradingcontrol.domain;

import java.time.Instant;

/** Pause trading in a scope, optionally until {@code expiresAt} (nullable = until resumed). */
public record PauseTrading(Scope scope, String reason, Instant expiresAt) implements ControlCommand {
    @Override
    public Scope targetScope() {
        return scope;
    }
}
