package com.tradingcontrol.processors.domain;

import java.time.Instant;

public record PauseExpired(Scope scope, Instant expiredAt) implements ControlEvent {
    @Override
    public Scope targetScope() {
        return scope;
    }
}
