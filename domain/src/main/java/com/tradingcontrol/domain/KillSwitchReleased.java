package com.tradingcontrol.domain;

public record KillSwitchReleased(String reason) implements ControlEvent {
    @Override
    public Scope targetScope() {
        return Scope.global();
    }
}
