package com.tradingcontrol.client.internals;

import com.tradingcontrol.client.ConfigEntry;
import com.tradingcontrol.client.ConfigKeyException;
import com.tradingcontrol.domain.ConfigValue;
import com.tradingcontrol.domain.config.ConfigCatalogue;
import com.tradingcontrol.domain.config.ConfigKeyDefinition;
import com.tradingcontrol.domain.config.ConfigType;

import java.util.HashSet;
import java.util.Set;

/**
 * Config values with provenance: the platform's record on {@code trading.config-state}, else the
 * default of the catalogue shipped in the domain artifact.
 */
final class ConfigResolver {

    private final ConfigCatalogue catalogue;

    ConfigResolver(ConfigCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    ConfigEntry entry(StateSnapshot view, boolean stale, String key) {
        ConfigKeyDefinition definition = key == null ? null : catalogue.keys().get(key);
        ConfigRecord set = key == null ? null : view.configs().get(key);
        ConfigType type = definition == null ? null : definition.type();
        if (set != null) {
            ConfigValue value = definition == null ? set.value() : definition.coerce(set.value());
            return new ConfigEntry(key, type, value, ConfigEntry.Source.PLATFORM, set.version(), set.setBy(),
                    set.setAt(), set.reason(), set.commandId(), stale);
        }
        if (definition == null) {
            throw new ConfigKeyException(key, ConfigKeyException.Problem.UNKNOWN_KEY,
                    "unknown config key '" + key + "': neither the catalogue nor the platform knows it");
        }
        return new ConfigEntry(key, type, definition.defaultValue(), ConfigEntry.Source.CATALOGUE_DEFAULT, 0, null,
                null, null, null, stale);
    }

    Set<String> keys(StateSnapshot view) {
        Set<String> keys = new HashSet<>(catalogue.keys().keySet());
        keys.addAll(view.configs().keySet());
        return Set.copyOf(keys);
    }

    /** The value as {@code expected}, widening LONG to DOUBLE. @throws ConfigKeyException on a mismatch */
    static <T extends ConfigValue> T typed(ConfigEntry entry, Class<T> expected) {
        ConfigValue value = entry.value();
        if (expected == ConfigValue.DoubleValue.class && value instanceof ConfigValue.LongValue l) {
            return expected.cast(ConfigValue.of((double) l.value()));
        }
        if (!expected.isInstance(value)) {
            throw new ConfigKeyException(entry.key(), ConfigKeyException.Problem.TYPE_MISMATCH, "config key '"
                    + entry.key() + "' holds a " + value.kind() + " value, not " + expected.getSimpleName());
        }
        return expected.cast(value);
    }
}
