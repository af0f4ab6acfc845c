package com.tradingcontrol.processors.domain;

public record EnableProfile(String profileId, String tenantId, String reason) implements ProfileCommand {
}
