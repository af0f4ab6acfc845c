package com.tradingcontrol.domain;

/** Approves the open kill-switch release proposal; only an admin other than its proposer may (the release then takes effect). */
public record ApproveKillSwitchRelease(String reason) implements ControlCommand {
    @Override
    public Scope targetScope() {
        return Scope.global();
    }
}
