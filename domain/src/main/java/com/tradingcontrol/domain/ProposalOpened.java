package com.tradingcontrol.domain;

import java.time.Instant;

/** Someone proposed {@code action} under its two-person rule; nothing takes effect until a different admin approves before {@code expiresAt}. */
public record ProposalOpened(ProposalAction action, String reason, Instant expiresAt) implements ControlEvent {
    @Override
    public Scope targetScope() {
        return Scope.global();
    }
}
