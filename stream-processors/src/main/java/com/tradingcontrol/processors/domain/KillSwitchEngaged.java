package com.tradingcontrol.processors.domain;

public record KillSwitchEngaged(String reason) implements ControlEvent {
    @Override
    public Scope targetScope() {
        return Scope.global();
    }
}
