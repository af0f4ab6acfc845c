package com.tradingcontrol.domain;

import java.time.Instant;

public record PauseExpired(Scope scope, Instant expiredAt) implements ControlEvent {
    @Override
    public Scope targetScope() {
        return scope;
    }
}
