package com.tradingcontrol.domain;

public record ReleaseKillSwitch(String reason) implements ControlCommand {
    @Override
    public Scope targetScope() {
        return Scope.global();
    }
}
