package com.tradingcontrol.domain;

import java.time.Instant;

/** A timed reduce-only lapsed; {@code expiredAt} is its own {@code expiresAt}. */
public record ReduceOnlyExpired(Scope scope, Instant expiredAt) implements ControlEvent {
    @Override
    public Scope targetScope() {
        return scope;
    }
}
