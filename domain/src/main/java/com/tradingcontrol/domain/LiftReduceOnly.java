package com.tradingcontrol.domain;

/** Lift the reduce-only control of a scope. */
public record LiftReduceOnly(Scope scope, String reason) implements ControlCommand {
    @Override
    public Scope targetScope() {
        return scope;
    }
}
