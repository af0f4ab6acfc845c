package com.tradingcontrol.domain;

/** @param previous the effective value before the change (the catalogue default if never set) */
public record ConfigUpdated(String key, ConfigValue value, ConfigValue previous, String reason) implements DomainEvent {
}
