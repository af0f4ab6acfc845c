package com.tradingcontrol.processors.domain;

public record CreateProfile(String profileId, String tenantId, String name) implements ProfileCommand {
}
