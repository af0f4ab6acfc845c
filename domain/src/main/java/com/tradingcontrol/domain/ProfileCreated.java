package com.tradingcontrol.domain;

public record ProfileCreated(String profileId, String tenantId, String name) implements ProfileEvent {
}
