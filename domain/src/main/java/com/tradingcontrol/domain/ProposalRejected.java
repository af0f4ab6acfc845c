package com.tradingcontrol.domain;

/** An admin rejected the open proposal of {@code action}; nothing took effect. */
public record ProposalRejected(ProposalAction action, String reason) implements ProposalClosed {
    @Override
    public Scope targetScope() {
        return Scope.global();
    }
}
