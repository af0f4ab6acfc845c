package com.tradingcontrol.projections.service;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * {@code PROJECTOR_<KEY>} environment variables as configuration keys ({@code PROJECTOR_COSMOS_KEY}
 * → {@code cosmos.key}, {@code PROJECTOR_KAFKA_BOOTSTRAP_SERVERS} → {@code kafka.bootstrapServers}),
 * so a container passes secrets such as the Cosmos key by environment instead of on its command
 * line, where every process listing would show them.
 */
final class ProjectorEnvironment {
    static final String PREFIX = "PROJECTOR_";
    static final List<String> KEYS = List.of("kafka.bootstrapServers", "kafka.groupId", "kafka.instanceId", "topics.events",
            "topics.audit", "registry.url", "registry.dir", "store.type", "store.sqlite.file", "cosmos.endpoint",
            "cosmos.key", "cosmos.database", "cosmos.emulator", "cosmos.consistency", "cosmos.connectionMode",
            "projection.prefix", "projector.pollTimeout", "projector.backoffInitial", "projector.backoffMax",
            "projector.pointerCheck", "projector.maxPollRecords", "rebuild.handover", "rebuild.dropGrace",
            "rebuild.catchUpTimeout", "rebuild.dropOld");

    private ProjectorEnvironment() {
    }

    /** Applies the {@code PROJECTOR_*} variables of {@code env} over {@code props}; an unknown name is an error. */
    static Properties apply(Properties props, Map<String, String> env) {
        env.forEach((name, value) -> {
            if (name.startsWith(PREFIX)) {
                props.setProperty(toKey(name.substring(PREFIX.length())), value);
            }
        });
        return props;
    }

    /** Matched ignoring case and separators: variable names cannot carry the keys' dots and camel case. */
    static String toKey(String suffix) {
        String wanted = suffix.replace("_", "").toLowerCase(Locale.ROOT);
        for (String key : KEYS) {
            if (key.replace(".", "").toLowerCase(Locale.ROOT).equals(wanted)) {
                return key;
            }
        }
        throw new IllegalArgumentException(PREFIX + suffix + " names no projector key; known keys: " + KEYS);
    }
}
