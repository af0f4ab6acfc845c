package com.tradingcontrol.domain.config;

import com.tradingcontrol.domain.AggregateIds;
import com.tradingcontrol.domain.AggregateState;
import com.tradingcontrol.domain.ConfigValue;
import com.tradingcontrol.domain.Provenance;

import java.util.Objects;

/**
 * State of one dynamic-config key.
 *
 * @param value      nullable: never set, the catalogue default applies
 * @param lastChange nullable: who set {@code value}, when and why
 */
public record ConfigState(String key, long version, ConfigValue value, Provenance lastChange)
        implements AggregateState {

    public ConfigState {
        Objects.requireNonNull(key, "key");
    }

    public static ConfigState initial(String key) {
        return new ConfigState(key, 0, null, null);
    }

    @Override
    public String aggregateId() {
        return AggregateIds.config(key);
    }

    /** The value in force: the last one set, else the catalogue default. */
    public ConfigValue effectiveValue(ConfigKeyDefinition definition) {
        return value != null ? value : definition.defaultValue();
    }
}
