package com.tradingcontrol.schemas.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The keys one service reads: exact keys, and prefixes of open-ended keys ({@code processor.streams.<kafka key>}).
 */
public record KeySet(List<String> keys, List<String> prefixes) {

    public KeySet {
        keys = List.copyOf(keys);
        prefixes = List.copyOf(prefixes);
    }

    /** This set and {@code other}'s keys together (a service that reads shared keys and its own). */
    public KeySet and(KeySet other) {
        List<String> allKeys = new ArrayList<>(keys);
        other.keys.stream().filter(k -> !allKeys.contains(k)).forEach(allKeys::add);
        List<String> allPrefixes = new ArrayList<>(prefixes);
        allPrefixes.addAll(other.prefixes);
        return new KeySet(allKeys, allPrefixes);
    }

    public boolean knows(String key) {
        return keys.contains(key) || prefixes.stream().anyMatch(key::startsWith);
    }

    /**
     * The key an environment variable's suffix names: {@code KAFKA_BOOTSTRAP_SERVERS} or
     * {@code KAFKA_BOOTSTRAPSERVERS} → {@code kafka.bootstrapServers}, matched ignoring case and
     * separators (variable names cannot hold the dots and camel case). Open-ended keys are not
     * reachable from the environment: their names (Kafka settings, key ids) have dots of their own.
     */
    public Optional<String> fromEnvironment(String suffix) {
        String wanted = suffix.replace("_", "").toLowerCase(Locale.ROOT);
        return keys.stream().filter(k -> k.replace(".", "").toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    /** The canonical variable of {@code key}: {@code kafka.bootstrapServers} → {@code TCP_KAFKA_BOOTSTRAP_SERVERS}. */
    public static String environmentName(String key) {
        return SettingsLoader.ENV_PREFIX + key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_')
                .toUpperCase(Locale.ROOT);
    }
}
