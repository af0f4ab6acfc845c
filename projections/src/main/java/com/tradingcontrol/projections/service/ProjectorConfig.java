package com.tradingcontrol.projections.service;

import com.tradingcontrol.projections.projector.ContainerNames;
import com.tradingcontrol.projections.projector.ProjectorLoops;
import com.tradingcontrol.projections.projector.ProjectorTopics;
import com.tradingcontrol.projections.store.cosmos.CosmosStoreConfig;
import com.tradingcontrol.schemas.config.InvalidSettingException;
import com.tradingcontrol.schemas.config.ProjectorKeys;
import com.tradingcontrol.schemas.config.Settings;
import com.tradingcontrol.schemas.config.SharedKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The projector service's typed configuration ({@link ProjectorKeys}), read by the platform's one
 * convention ({@link com.tradingcontrol.schemas.config.SettingsLoader}) and validated at startup; every
 * error message names the offending key. Durations are written {@code 200ms}, {@code 5s}, {@code 30m}.
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
 * projector.pollTimeout, projector.backoffInitial, projector.backoffMax, projector.pointerCheck   durations
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

    private static final String REGISTRY_URL = SharedKeys.REGISTRY_URL;
    private static final String REGISTRY_DIR = SharedKeys.REGISTRY_DIR;

    public static ProjectorConfig from(Properties props) {
        Map<String, String> values = new HashMap<>();
        props.stringPropertyNames().forEach(k -> values.put(k, props.getProperty(k)));
        return from(values);
    }

    /** Reads {@link ProjectorKeys}; absent optional keys take their defaults. */
    public static ProjectorConfig from(Settings k) {
        String registryUrl = k.optional(REGISTRY_URL, null);
        String registryDir = k.optional(REGISTRY_DIR, null);
        if ((registryUrl == null) == (registryDir == null)) {
            throw new InvalidSettingException(REGISTRY_URL, "exactly one of " + REGISTRY_URL + " and " + REGISTRY_DIR
                    + " must be set");
        }
        StoreType type = k.enumValue(SharedKeys.STORE_TYPE, StoreType.class, null);
        Path sqlite = type == StoreType.SQLITE ? Path.of(k.required(SharedKeys.STORE_SQLITE_FILE)) : null;
        CosmosStoreConfig cosmos = type == StoreType.COSMOS ? cosmos(k) : null;
        String prefix = k.optional(SharedKeys.PROJECTION_PREFIX, "");
        try {
            new ContainerNames(prefix, 1);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(SharedKeys.PROJECTION_PREFIX, e.getMessage());
        }
        ProjectorLoops.Timing timing = new ProjectorLoops.Timing(
                positive(k, ProjectorKeys.POLL_TIMEOUT, Duration.ofMillis(200)),
                positive(k, ProjectorKeys.BACKOFF_INITIAL, Duration.ofMillis(200)),
                positive(k, ProjectorKeys.BACKOFF_MAX, Duration.ofSeconds(30)),
                k.integer(ProjectorKeys.MAX_POLL_RECORDS, ProjectorLoops.Timing.DEFAULT_MAX_POLL_RECORDS, 1,
                        Integer.MAX_VALUE));
        if (timing.backoffMax().compareTo(timing.backoffInitial()) < 0) {
            throw new InvalidSettingException(ProjectorKeys.BACKOFF_MAX, "must be >= " + ProjectorKeys.BACKOFF_INITIAL);
        }
        return new ProjectorConfig(k.required(SharedKeys.KAFKA_BOOTSTRAP_SERVERS),
                k.optional(SharedKeys.KAFKA_GROUP_ID, "projector"), topics(k), registryUrl,
                registryDir == null ? null : Path.of(registryDir), type, sqlite, cosmos, prefix, timing,
                positive(k, ProjectorKeys.POINTER_CHECK, Duration.ofSeconds(1)),
                positive(k, ProjectorKeys.REBUILD_HANDOVER, Duration.ofSeconds(5)),
                positive(k, ProjectorKeys.REBUILD_DROP_GRACE, Duration.ofSeconds(10)),
                positive(k, ProjectorKeys.REBUILD_CATCH_UP_TIMEOUT, Duration.ofMinutes(30)),
                k.bool(ProjectorKeys.REBUILD_DROP_OLD, false), k.optional(ProjectorKeys.INSTANCE_ID, null));
    }

    private static Duration positive(Settings k, String key, Duration fallback) {
        return k.duration(key, fallback, Duration.ofMillis(1), Duration.ofDays(365));
    }

    private static ProjectorTopics topics(Settings k) {
        ProjectorTopics standard = ProjectorTopics.standard();
        return new ProjectorTopics(k.optional(SharedKeys.TOPICS_EVENTS, standard.events()),
                k.optional(SharedKeys.TOPICS_AUDIT, standard.audit()));
    }

    private static CosmosStoreConfig cosmos(Settings k) {
        String endpoint = k.required(SharedKeys.COSMOS_ENDPOINT);
        String key = k.required(SharedKeys.COSMOS_KEY);
        String database = k.required(SharedKeys.COSMOS_DATABASE);
        CosmosStoreConfig base;
        try {
            base = k.bool(SharedKeys.COSMOS_EMULATOR, false)
                    ? CosmosStoreConfig.emulator(endpoint, key, database)
                    : CosmosStoreConfig.account(endpoint, key, database);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(SharedKeys.COSMOS_ENDPOINT, e.getMessage());
        }
        return new CosmosStoreConfig(base.endpoint(), base.key(), base.database(),
                k.enumValue(SharedKeys.COSMOS_CONSISTENCY, CosmosStoreConfig.Consistency.class, base.consistency()),
                k.enumValue(SharedKeys.COSMOS_CONNECTION_MODE, CosmosStoreConfig.ConnectionMode.class,
                        base.connectionMode()),
                base.endpointDiscovery(), base.httpWithoutTls(), base.disableCertificateValidation(),
                base.maxThrottlingRetries(), base.maxThrottlingWait());
    }

    /** Convenience for tests and the local launcher. */
    public static ProjectorConfig from(Map<String, String> values) {
        return from(Settings.of(values));
    }
}
