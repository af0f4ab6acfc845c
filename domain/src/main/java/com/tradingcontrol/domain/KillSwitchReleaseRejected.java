package com.tradingcontrol.domain;

/** An admin rejected the open release proposal; the kill switch stays engaged. */
public record KillSwitchReleaseRejected(String reason) implements ControlEvent {
    @Override
    public Scope targetScope() {
        return Scope.global();
    }
}
