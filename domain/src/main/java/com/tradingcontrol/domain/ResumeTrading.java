package com.tradingcontrol.domain;

public record ResumeTrading(Scope scope, String reason) implements ControlCommand {
    @Override
    public Scope targetScope() {
        return scope;
    }
}
