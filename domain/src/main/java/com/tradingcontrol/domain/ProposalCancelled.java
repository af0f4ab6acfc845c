package com.tradingcontrol.domain;

/**
 * A new restriction cancelled the open proposal of {@code action} to lift the old one: engaging the
 * kill switch again, a new global pause, maintenance switched on again.
 *
 * @param reason the reason given with the new restriction
 */
public record ProposalCancelled(ProposalAction action, String reason) implements ProposalClosed {
    @Override
    public Scope targetScope() {
        return Scope.global();
    }
}
