package com.tradingcontrol.domain;

/** Rejects the open proposal of {@code action}; any admin, its proposer included, may. Nothing takes effect. */
public record RejectProposal(ProposalAction action, String reason) implements ControlCommand {
    @Override
    public Scope targetScope() {
        return Scope.global();
    }
}
