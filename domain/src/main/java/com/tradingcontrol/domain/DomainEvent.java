package com.tradingcontrol.domain;

/**
 * Facts produced by the deciders. Metadata (who, when, which command, sequence) is not part of
 * the event: the adapter wraps it in an envelope and hands it back to {@code evolve} as a
 * {@link RecordedEvent}.
 */
public sealed interface DomainEvent permits ControlEvent, ConfigUpdated, ProfileEvent {
}
