package com.tradingcontrol.domain;

public record EngageKillSwitch(String reason) implements ControlCommand {
    @Override
    public Scope targetScope() {
        return Scope.global();
    }
}
