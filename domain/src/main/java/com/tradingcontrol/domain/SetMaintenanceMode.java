package com.tradingcontrol.domain;

/** Switch maintenance on (with a message shown to users) or off. */
public record SetMaintenanceMode(boolean on, String message, String reason) implements ControlCommand {
    @Override
    public Scope targetScope() {
        return Scope.global();
    }
}
