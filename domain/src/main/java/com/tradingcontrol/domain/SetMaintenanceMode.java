package com.tradingcontrol.domain;

import java.time.Instant;

/**
 * Switch maintenance on (with a message shown to users) or off. Off, under its two-person rule,
 * this only opens a proposal that a different admin must approve before {@code proposalExpiresAt}.
 *
 * @param proposalExpiresAt nullable: a proposal then lapses 10 minutes after the command's issuedAt;
 *                          only switching off may name one
 */
public record SetMaintenanceMode(boolean on, String message, String reason, Instant proposalExpiresAt)
        implements ControlCommand {

    public SetMaintenanceMode(boolean on, String message, String reason) {
        this(on, message, reason, null);
    }

    @Override
    public Scope targetScope() {
        return Scope.global();
    }
}
