package com.tradingcontrol.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The parts of an event's envelope that state must remember so the effective mode can be
 * explained (who set a control, when, through which command).
 *
 * @param commandId the command that caused the event; for punctuation-driven expiry, the id the
 *                  adapter assigns to that system action
 */
public record EventMeta(String actorSubject, Instant occurredAt, String commandId) {
    public EventMeta {
        Objects.requireNonNull(actorSubject, "actorSubject");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
