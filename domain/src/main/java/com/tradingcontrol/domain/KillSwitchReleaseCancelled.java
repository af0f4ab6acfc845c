package com.tradingcontrol.domain;

/** A new engagement of the kill switch cancelled the open release proposal. */
public record KillSwitchReleaseCancelled(String reason) implements ControlEvent {
    @Override
    public Scope targetScope() {
        return Scope.global();
    }
}
