package com.tradingcontrol.domain;

/** The reduce-only control of a scope was lifted by a command. */
public record ReduceOnlyLifted(Scope scope, String reason) implements ControlEvent {
    @Override
    public Scope targetScope() {
        return scope;
    }
}
