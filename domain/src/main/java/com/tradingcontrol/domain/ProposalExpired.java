package com.tradingcontrol.domain;

import java.time.Instant;

/** The proposal of {@code action} lapsed unapproved (emitted by the processors' wall-clock punctuation). */
public record ProposalExpired(ProposalAction action, Instant expiredAt) implements ProposalClosed {
    @Override
    public Scope targetScope() {
        return Scope.global();
    }
}
