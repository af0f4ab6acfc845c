package com.tradingcontrol.client.internals;

import com.tradingcontrol.domain.ConfigValue;

import java.time.Instant;

/** A config key's record on {@code trading.config-state}. */
record ConfigRecord(String key, ConfigValue value, long version, String setBy, Instant setAt, String reason,
                    String commandId) {
}
