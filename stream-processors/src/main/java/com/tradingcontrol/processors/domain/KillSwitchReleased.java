package com.tradingcontrol.processors.domain;

public record KillSwitchReleased(String reason) implements ControlEvent {
    @Override
    public Scope targetScope() {
        return Scope.global();
    }
}
