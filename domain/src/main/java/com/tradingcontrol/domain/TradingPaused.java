package com.tradingcontrol.domain;

import java.time.Instant;

public record TradingPaused(Scope scope, String reason, Instant expiresAt) implements ControlEvent {
    @Override
    public Scope targetScope() {
        return scope;
    }
}
