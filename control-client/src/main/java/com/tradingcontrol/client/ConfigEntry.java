package com.tradingcontrol.client;

import com.tradingcontrol.domain.ConfigValue;
import com.tradingcontrol.domain.config.ConfigType;

import java.time.Instant;

/**
 * The value of one dynamic-config key (feature flags are config keys) with its provenance.
 *
 * @param key       the catalogue key
 * @param type      the key's catalogue type (null for a key set on the platform that this client's
 *                  catalogue does not know: a newer platform)
 * @param value     the value in force
 * @param source    where the value comes from
 * @param version   the config aggregate version of the setting; 0 for a catalogue default
 * @param setBy     subject that set it (null for a default)
 * @param setAt     when it was set (null for a default)
 * @param reason    why it was set (nullable)
 * @param commandId the command that set it (nullable)
 * @param stale     true when the client could not confirm it is current: the value is the last known one
 */
public record ConfigEntry(String key, ConfigType type, ConfigValue value, Source source, long version, String setBy,
                          Instant setAt, String reason, String commandId, boolean stale) {

    /** Where a config value comes from. */
    public enum Source {
        /** Set on the platform: the record on {@code trading.config-state}. */
        PLATFORM,
        /** Never set (or reset): the default of the config catalogue shipped with the client. */
        CATALOGUE_DEFAULT
    }
}
