package com.tradingcontrol.domain;

public record KillSwitchEngaged(String reason) implements ControlEvent {
    @Override
    public Scope targetScope() {
        return Scope.global();
    }
}
