package com.tradingcontrol.domain;

/** Rejects the open kill-switch release proposal; any admin, its proposer included, may. */
public record RejectKillSwitchRelease(String reason) implements ControlCommand {
    @Override
    public Scope targetScope() {
        return Scope.global();
    }
}
