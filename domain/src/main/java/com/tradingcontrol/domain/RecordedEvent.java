package com.tradingcontrol.domain;

import java.util.Objects;

/** An event together with the metadata {@code evolve} needs. */
public record RecordedEvent(EventMeta meta, DomainEvent event) {
    public RecordedEvent {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(event, "event");
    }
}
