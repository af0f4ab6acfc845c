package com.tradingcontrol.domain;

public record TradingResumed(Scope scope, String reason) implements ControlEvent {
    @Override
    public Scope targetScope() {
        return scope;
    }
}
