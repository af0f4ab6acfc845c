package com.tradingcontrol.domain;

/** Approves the open proposal of {@code action}; only an admin other than its proposer may, and the action then takes effect. */
public record ApproveProposal(ProposalAction action, String reason) implements ControlCommand {
    @Override
    public Scope targetScope() {
        return Scope.global();
    }
}
