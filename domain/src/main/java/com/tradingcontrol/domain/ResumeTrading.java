package com.tradingcontrol.domain;

import java.time.Instant;

/**
 * Lift the pause of a scope. Of {@code global}, under its two-person rule, this only opens a
 * proposal that a different admin must approve ({@link ApproveProposal}) before {@code proposalExpiresAt}.
 *
 * @param proposalExpiresAt nullable: a proposal then lapses 10 minutes after the command's issuedAt;
 *                          only the global scope may name one
 */
public record ResumeTrading(Scope scope, String reason, Instant proposalExpiresAt) implements ControlCommand {

    public ResumeTrading(Scope scope, String reason) {
        this(scope, reason, null);
    }

    @Override
    public Scope targetScope() {
        return scope;
    }
}
