package com.tradingcontrol.domain;

public record ProfileDisabled(String profileId, String tenantId, String reason) implements ProfileEvent {
}
