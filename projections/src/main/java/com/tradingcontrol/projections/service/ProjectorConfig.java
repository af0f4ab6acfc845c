package com.tradingcontrol.projections.service;

import com.tradingcontrol.projections.projector.ContainerNames;
import com.tradingcontrol.projections.projector.ProjectorLoops;
import com.tradingcontrol.projections.projector.ProjectorTopics;
import com.tradingcontrol.projections.store.cosmos.CosmosStoreConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The projector service's typed configuration, read from a properties file plus overrides and
 * validated at startup; every error message names the offending key.
 *
 * <pre>
 * kafka.bootstrapServers   required
 * kafka.groupId            base consumer group (default "projector"); versions use &lt;groupId&gt;-v&lt;N&gt;
 * kafka.instanceId         static group membership id (optional): stable across restarts of this projector and
 *                          unique among live ones, so a restart takes its partitions back without a 10 s wait
 * topics.events / .audit   default trading.events / trading.audit
 * registry.url | registry.dir   exactly one: a Confluent-compatible registry, or the in-process one's directory
 * store.type               sqlite | cosmos
 * store.sqlite.file        the embedded store's file (store.type=sqlite)
 * cosmos.endpoint, cosmos.key, cosmos.database, cosmos.emulator (default false),
 * cosmos.consistency, cosmos.connectionMode      (store.type=cosmos)
 * projection.prefix        container name prefix (default empty)
 * projector.pollTimeout, projector.backoffInitial, projector.backoffMax, projector.pointerCheck   ISO-8601 durations
 * projector.maxPollRecords records per poll = per store batch and offset commit (default 5000)
 * rebuild.handover, rebuild.dropGrace, rebuild.catchUpTimeout (durations), rebuild.dropOld (boolean)
 * </pre>
 */
public record ProjectorConfig(String bootstrapServers, String groupId, ProjectorTopics topics, String registryUrl,
                              Path registryDir, StoreType storeType, Path sqliteFile, CosmosStoreConfig cosmos,
                              String prefix, ProjectorLoops.Timing timing, Duration pointerCheck,
                              Duration rebuildHandover, Duration rebuildDropGrace, Duration rebuildCatchUpTimeout,
                              boolean rebuildDropOld, String instanceId) {

    public enum StoreType { SQLITE, COSMOS }

    public static ProjectorConfig from(Properties props) {
        Keys k = new Keys(props);
        String registryUrl = k.optional("registry.url", null);
        String registryDir = k.optional("registry.dir", null);
        if ((registryUrl == null) == (registryDir == null)) {
            throw new IllegalArgumentException("exactly one of registry.url and registry.dir must be set");
        }
        StoreType type = k.enumValue("store.type", StoreType.class, null);
        Path sqlite = type == StoreType.SQLITE ? Path.of(k.required("store.sqlite.file")) : null;
        CosmosStoreConfig cosmos = type == StoreType.COSMOS ? cosmos(k) : null;
        String prefix = k.optional("projection.prefix", "");
        try {
            new ContainerNames(prefix, 1);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("projection.prefix: " + e.getMessage(), e);
        }
        ProjectorLoops.Timing timing = new ProjectorLoops.Timing(k.duration("projector.pollTimeout", "PT0.2S"),
                k.duration("projector.backoffInitial", "PT0.2S"), k.duration("projector.backoffMax", "PT30S"),
                k.positiveInt("projector.maxPollRecords", ProjectorLoops.Timing.DEFAULT_MAX_POLL_RECORDS));
        if (timing.backoffMax().compareTo(timing.backoffInitial()) < 0) {
            throw new IllegalArgumentException("projector.backoffMax must be >= projector.backoffInitial");
        }
        return new ProjectorConfig(k.required("kafka.bootstrapServers"), k.optional("kafka.groupId", "projector"),
                topics(k), registryUrl, registryDir == null ? null : Path.of(registryDir), type, sqlite, cosmos, prefix,
                timing, k.duration("projector.pointerCheck", "PT1S"), k.duration("rebuild.handover", "PT5S"),
                k.duration("rebuild.dropGrace", "PT10S"), k.duration("rebuild.catchUpTimeout", "PT30M"),
                k.bool("rebuild.dropOld", false), k.optional("kafka.instanceId", null));
    }

    private static ProjectorTopics topics(Keys k) {
        ProjectorTopics standard = ProjectorTopics.standard();
        return new ProjectorTopics(k.optional("topics.events", standard.events()), k.optional("topics.audit", standard.audit()));
    }

    private static CosmosStoreConfig cosmos(Keys k) {
        String endpoint = k.required("cosmos.endpoint");
        String key = k.required("cosmos.key");
        String database = k.required("cosmos.database");
        CosmosStoreConfig base = k.bool("cosmos.emulator", false)
                ? CosmosStoreConfig.emulator(endpoint, key, database)
                : CosmosStoreConfig.account(endpoint, key, database);
        return new CosmosStoreConfig(base.endpoint(), base.key(), base.database(),
                k.enumValue("cosmos.consistency", CosmosStoreConfig.Consistency.class, base.consistency()),
                k.enumValue("cosmos.connectionMode", CosmosStoreConfig.ConnectionMode.class, base.connectionMode()),
                base.endpointDiscovery(), base.httpWithoutTls(), base.disableCertificateValidation(),
                base.maxThrottlingRetries(), base.maxThrottlingWait());
    }

    /** Properties with typed, key-naming accessors. */
    private record Keys(Properties props) {

        String required(String key) {
            String value = props.getProperty(key);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(key + " is required");
            }
            return value.trim();
        }

        String optional(String key, String fallback) {
            String value = props.getProperty(key);
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        Duration duration(String key, String fallback) {
            String value = optional(key, fallback);
            try {
                Duration d = Duration.parse(value);
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException(key + " must be positive: " + value);
                }
                return d;
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as PT5S: " + value, e);
            }
        }

        int positiveInt(String key, int fallback) {
            String value = optional(key, Integer.toString(fallback));
            try {
                int n = Integer.parseInt(value);
                if (n < 1) {
                    throw new IllegalArgumentException(key + " must be a positive integer: " + value);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a positive integer: " + value, e);
            }
        }

        boolean bool(String key, boolean fallback) {
            String value = optional(key, Boolean.toString(fallback));
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException(key + " must be true or false: " + value);
            }
            return Boolean.parseBoolean(value);
        }

        <E extends Enum<E>> E enumValue(String key, Class<E> type, E fallback) {
            String value = optional(key, null);
            if (value == null) {
                if (fallback == null) {
                    throw new IllegalArgumentException(key + " is required, one of " + names(type));
                }
                return fallback;
            }
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + " must be one of " + names(type) + ": " + value, e);
            }
        }

        private static <E extends Enum<E>> String names(Class<E> type) {
            return Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT);
        }
    }

    /** Convenience for tests and the local launcher. */
    public static ProjectorConfig from(Map<String, String> values) {
        Properties props = new Properties();
        props.putAll(values);
        return from(props);
    }
}
