package com.tradingcontrol.domain;

public record ProfileEnabled(String profileId, String tenantId, String reason) implements ProfileEvent {
}
