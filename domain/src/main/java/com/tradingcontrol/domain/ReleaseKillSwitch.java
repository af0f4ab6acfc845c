package com.tradingcontrol.domain;

import java.time.Instant;

/**
 * Proposes releasing the kill switch. Under the two-person rule this never releases by itself: it
 * opens a proposal that a different admin must approve ({@link ApproveProposal}) before
 * {@code expiresAt}.
 *
 * @param expiresAt nullable: the proposal then lapses 10 minutes
 *                  after the command's issuedAt
 */
public record ReleaseKillSwitch(String reason, Instant expiresAt) implements ControlCommand {

    public ReleaseKillSwitch(String reason) {
        this(reason, null);
    }

    @Override
    public Scope targetScope() {
        return Scope.global();
    }
}
