package com.tradingcontrol.domain;

public record EnableProfile(String profileId, String tenantId, String reason) implements ProfileCommand {
}
