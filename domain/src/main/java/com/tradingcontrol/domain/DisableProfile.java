package com.tradingcontrol.domain;

public record DisableProfile(String profileId, String tenantId, String reason) implements ProfileCommand {
}
