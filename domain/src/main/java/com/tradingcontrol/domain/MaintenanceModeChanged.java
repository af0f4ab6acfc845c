package com.tradingcontrol.domain;

public record MaintenanceModeChanged(boolean on, String message, String reason) implements ControlEvent {
    @Override
    public Scope targetScope() {
        return Scope.global();
    }
}
