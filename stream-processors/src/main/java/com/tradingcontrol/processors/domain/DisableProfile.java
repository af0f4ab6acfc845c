package com.tradingcontrol.processors.domain;

public record DisableProfile(String profileId, String tenantId, String reason) implements ProfileCommand {
}
