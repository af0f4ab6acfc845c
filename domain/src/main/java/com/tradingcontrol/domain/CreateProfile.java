package com.tradingcontrol.domain;

public record CreateProfile(String profileId, String tenantId, String name) implements ProfileCommand {
}
