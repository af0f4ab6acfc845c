package com.tradingcontrol.processors.service;

import com.tradingcontrol.processors.topology.StreamsSettings;
import com.tradingcontrol.schemas.config.ProcessorKeys;
import com.tradingcontrol.schemas.config.Settings;
import com.tradingcontrol.schemas.config.SharedKeys;
import com.tradingcontrol.schemas.signing.CommandVerifier;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Typed, validated configuration of the processor service, read from the platform's one convention
 * ({@link com.tradingcontrol.schemas.config.SettingsLoader}: a file, {@code TCP_*} variables, {@code -D});
 * every problem is reported with the key's name at start-up rather than surfacing later as a Kafka error.
 *
 * @param schemaRegistryUrl     a Confluent-compatible registry URL, or null for the in-process registry
 * @param schemaRegistryDataDir data dir of the in-process registry (null = in memory, only sensible
 *                              when one JVM runs everything)
 * @param commitInterval        how often decisions are committed, so how late ordinary decisions (config,
 *                              profiles) become visible; trading-control commands do not wait for it
 * @param controlCommitSpacing  the least time between two commits requested by trading-control commands
 *                              (pause, resume, kill switch, maintenance): each commits at once, but a burst
 *                              commits at most once per spacing (0 = every command)
 * @param maxThreadReplacements stream threads replaced within 10 minutes before the instance shuts down
 * @param streamsOverrides      raw Kafka Streams / client settings, from keys {@code processor.streams.<kafka key>}
 *                              (e.g. {@code processor.streams.session.timeout.ms}); applied last. Always holds
 *                              {@code group.instance.id} (see {@link #instanceId()})
 * @param commandKeyFiles       trusted command-signing key files by key id, from keys
 *                              {@code processor.commandKeys.<keyId>=<key file>} (at least one; all loaded at start)
 */
public record ProcessorConfig(String bootstrapServers, String applicationId, URI schemaRegistryUrl,
                              Path schemaRegistryDataDir, int partitions, short replicationFactor,
                              Duration commitInterval, Duration controlCommitSpacing, Path stateDir, int numThreads,
                              Duration expiryScanInterval,
                              Map<String, String> streamsOverrides, int maxThreadReplacements,
                              Map<String, Path> commandKeyFiles) {

    // The keys, as in ProcessorKeys / SharedKeys (the platform's one list, docs/operations.md).
    public static final String BOOTSTRAP_SERVERS = SharedKeys.KAFKA_BOOTSTRAP_SERVERS;
    public static final String APPLICATION_ID = ProcessorKeys.APPLICATION_ID;
    /** A Confluent-compatible registry URL; unset with {@link #REGISTRY_DIR} unset too: an in-memory in-process one. */
    public static final String REGISTRY_URL = SharedKeys.REGISTRY_URL;
    /** The in-process registry's data dir. */
    public static final String REGISTRY_DIR = SharedKeys.REGISTRY_DIR;
    public static final String PARTITIONS = ProcessorKeys.PARTITIONS;
    public static final String REPLICATION_FACTOR = ProcessorKeys.REPLICATION_FACTOR;
    public static final String COMMIT_INTERVAL = ProcessorKeys.COMMIT_INTERVAL;
    public static final String CONTROL_COMMIT_SPACING = ProcessorKeys.CONTROL_COMMIT_SPACING;
    public static final String STATE_DIR = ProcessorKeys.STATE_DIR;
    public static final String NUM_THREADS = ProcessorKeys.NUM_THREADS;
    public static final String EXPIRY_SCAN = ProcessorKeys.EXPIRY_SCAN;
    public static final String INSTANCE_ID = ProcessorKeys.INSTANCE_ID;
    /** Stream threads replaced after a failure within 10 minutes before the instance gives up (ERROR, exit 3). */
    public static final String MAX_THREAD_REPLACEMENTS = ProcessorKeys.MAX_THREAD_REPLACEMENTS;
    /** Port of the health endpoints (/health/live, /health/ready); read by {@link ProcessorMain} only. */
    public static final String HEALTH_PORT = ProcessorKeys.HEALTH_PORT;
    static final String GROUP_INSTANCE_ID = "group.instance.id";
    public static final String STREAMS_PREFIX = ProcessorKeys.STREAMS_PREFIX;
    /** {@code processor.commandKeys.<keyId>}: a trusted command-signing key (file). */
    public static final String COMMAND_KEYS_PREFIX = ProcessorKeys.COMMAND_KEYS_PREFIX;

    public ProcessorConfig {
        requireText(BOOTSTRAP_SERVERS, bootstrapServers);
        requireText(APPLICATION_ID, applicationId);
        if (!applicationId.matches("[A-Za-z0-9._-]+")) {
            throw new InvalidConfigException(APPLICATION_ID, "only letters, digits, '.', '_' and '-' are allowed, got '"
                    + applicationId + "'");
        }
        Objects.requireNonNull(commitInterval, COMMIT_INTERVAL);
        Objects.requireNonNull(controlCommitSpacing, CONTROL_COMMIT_SPACING);
        Objects.requireNonNull(expiryScanInterval, EXPIRY_SCAN);
        requireRange(PARTITIONS, partitions, 1, 1000);
        requireRange(REPLICATION_FACTOR, replicationFactor, 1, 10);
        requireRange(COMMIT_INTERVAL, commitInterval.toMillis(), 1, 60_000);
        requireRange(CONTROL_COMMIT_SPACING, controlCommitSpacing.toMillis(), 0, 60_000);
        requireRange(NUM_THREADS, numThreads, 1, 64);
        requireRange(EXPIRY_SCAN, expiryScanInterval.toMillis(), 10, 60_000);
        requireRange(MAX_THREAD_REPLACEMENTS, maxThreadReplacements, 0, 1000);
        Objects.requireNonNull(stateDir, STATE_DIR);
        streamsOverrides = streamsOverrides == null ? Map.of() : Map.copyOf(streamsOverrides);
        commandKeyFiles = commandKeyFiles == null ? Map.of() : Map.copyOf(commandKeyFiles);
        CommandKeysConfig.verifier(commandKeyFiles);
    }

    /** The verifier over {@link #commandKeyFiles()} (loaded again: the files were checked at construction). */
    public CommandVerifier commandVerifier() {
        return CommandKeysConfig.verifier(commandKeyFiles);
    }

    /** Reads the processor's keys from plain values (tests, composition roots); see {@link #from(Settings)}. */
    public static ProcessorConfig fromProperties(Map<String, String> p) {
        return from(Settings.of(p));
    }

    /** Reads the processor's keys ({@link ProcessorKeys}); absent optional keys take their defaults. */
    public static ProcessorConfig from(Settings s) {
        URI registryUrl = null;
        String registry = s.optional(REGISTRY_URL, null);
        if (registry != null) {
            try {
                registryUrl = URI.create(registry);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException(REGISTRY_URL, "not a URL: " + e.getMessage());
            }
            if (registryUrl.getScheme() == null || !registryUrl.getScheme().startsWith("http")) {
                throw new InvalidConfigException(REGISTRY_URL, "expected an http(s) URL, got '" + registry + "'");
            }
            if (s.has(REGISTRY_DIR)) {
                throw new InvalidConfigException(REGISTRY_DIR, "set with " + REGISTRY_URL + "; set one of them");
            }
        }
        Duration max = Duration.ofMinutes(1);
        return new ProcessorConfig(
                s.optional(BOOTSTRAP_SERVERS, null),
                s.optional(APPLICATION_ID, "trading-control-processors"),
                registryUrl,
                s.path(REGISTRY_DIR, null),
                s.integer(PARTITIONS, 3, 1, 1000),
                (short) s.integer(REPLICATION_FACTOR, 1, 1, 10),
                s.duration(COMMIT_INTERVAL, StreamsSettings.DEFAULT_COMMIT_INTERVAL, Duration.ofMillis(1), max),
                s.duration(CONTROL_COMMIT_SPACING, StreamsSettings.DEFAULT_CONTROL_COMMIT_SPACING, Duration.ZERO, max),
                s.path(STATE_DIR, Path.of(System.getProperty("java.io.tmpdir"), "tcp-processors")),
                s.integer(NUM_THREADS, 1, 1, 64),
                s.duration(EXPIRY_SCAN, Duration.ofMillis(250), Duration.ofMillis(10), max),
                overrides(s),
                s.integer(MAX_THREAD_REPLACEMENTS, ThreadReplacements.DEFAULT_MAX, 0, 1000),
                CommandKeysConfig.files(s));
    }

    /**
     * This instance's static group membership id (Kafka Streams appends the thread index): a restarted
     * instance, after kill -9 too, rejoins under the same id and takes its tasks back at once instead of
     * the group waiting for the dead member's session to expire (42-45 s measured). Set by
     * {@code processor.instanceId}; by default the host name plus a hash of the state dir, which is
     * stable across restarts and unique among live instances (Kafka Streams locks its state dir, so two
     * live instances never share one).
     */
    public String instanceId() {
        return streamsOverrides.get(GROUP_INSTANCE_ID);
    }

    private static Map<String, String> overrides(Settings s) {
        Map<String, String> overrides = new TreeMap<>(s.withPrefix(STREAMS_PREFIX));
        String explicit = s.optional(INSTANCE_ID, null);
        if (explicit != null) {
            overrides.put(GROUP_INSTANCE_ID, explicit);
        }
        overrides.computeIfAbsent(GROUP_INSTANCE_ID, k -> defaultInstanceId(s.optional(STATE_DIR, null)));
        return overrides;
    }

    private static String defaultInstanceId(String stateDir) {
        String dir = Path.of(stateDir == null ? System.getProperty("java.io.tmpdir") + "/tcp-processors" : stateDir)
                .toAbsolutePath().normalize().toString();
        return hostName() + "-" + Integer.toHexString(dir.hashCode());
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "_");
        } catch (java.net.UnknownHostException e) {
            return "host";
        }
    }

    private static void requireText(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidConfigException(key, "is required");
        }
    }

    private static void requireRange(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidConfigException(key, "must be between " + min + " and " + max + ", got " + value);
        }
    }
}
