package com.tradingcontrol.domain;

import java.time.Instant;

/** A scope was put into reduce-only; {@code expiresAt} nullable = until lifted. */
public record ReduceOnlySet(Scope scope, String reason, Instant expiresAt) implements ControlEvent {
    @Override
    public Scope targetScope() {
        return scope;
    }
}
