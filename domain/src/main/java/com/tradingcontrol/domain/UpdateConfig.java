package com.tradingcontrol.domain;

public record UpdateConfig(String key, ConfigValue value, String reason) implements Command {
}
