package com.tradingcontrol.domain;

import java.time.Instant;

/** Who changed something, when, through which command, and why. */
public record Provenance(String actorSubject, Instant at, String commandId, String reason) {

    public static Provenance of(EventMeta meta, String reason) {
        return new Provenance(meta.actorSubject(), meta.occurredAt(), meta.commandId(), reason);
    }
}
