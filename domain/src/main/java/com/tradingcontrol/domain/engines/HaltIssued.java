package com.tradingcontrol.domain.engines;

import java.time.Instant;
import java.util.Objects;

/** A fast halt signal the API published for a restricting command, before the processors decided it. */
public record HaltIssued(String commandId, String scope, String kind, String actor, Instant issuedAt, Instant decideBy) {
    public HaltIssued {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(decideBy, "decideBy");
    }
}
