package com.tradingcontrol.processors.service;

import com.tradingcontrol.processors.topology.StreamsSettings;
import com.tradingcontrol.schemas.signing.CommandVerifier;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Typed, validated configuration of the processor service. Built from string properties (a file,
 * system properties or environment, see {@link #fromProperties}); every problem is reported with
 * the key's name at start-up rather than surfacing later as a Kafka error.
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

    public static final String PREFIX = "processor.";
    public static final String BOOTSTRAP_SERVERS = PREFIX + "bootstrapServers";
    public static final String APPLICATION_ID = PREFIX + "applicationId";
    public static final String SCHEMA_REGISTRY = PREFIX + "schemaRegistry";
    public static final String SCHEMA_REGISTRY_DATA_DIR = PREFIX + "schemaRegistryDataDir";
    public static final String PARTITIONS = PREFIX + "partitions";
    public static final String REPLICATION_FACTOR = PREFIX + "replicationFactor";
    public static final String COMMIT_INTERVAL_MS = PREFIX + "commitIntervalMs";
    public static final String CONTROL_COMMIT_SPACING_MS = PREFIX + "controlCommitSpacingMs";
    public static final String STATE_DIR = PREFIX + "stateDir";
    public static final String NUM_THREADS = PREFIX + "numThreads";
    public static final String EXPIRY_SCAN_MS = PREFIX + "expiryScanMs";
    public static final String INSTANCE_ID = PREFIX + "instanceId";
    /** Stream threads replaced after a failure within 10 minutes before the instance gives up (ERROR, exit 3). */
    public static final String MAX_THREAD_REPLACEMENTS = PREFIX + "maxThreadReplacements";
    /** Port of the health endpoints (/health/live, /health/ready); read by {@link ProcessorMain} only. */
    public static final String HEALTH_PORT = PREFIX + "healthPort";
    static final String GROUP_INSTANCE_ID = "group.instance.id";
    public static final String STREAMS_PREFIX = PREFIX + "streams.";
    /** {@code processor.commandKeys.<keyId>}: a trusted command-signing key (file). */
    public static final String COMMAND_KEYS_PREFIX = CommandKeysConfig.PREFIX;

    /** Registry value selecting the in-process registry. */
    public static final String IN_PROCESS = "inprocess";

    public ProcessorConfig {
        requireText(BOOTSTRAP_SERVERS, bootstrapServers);
        requireText(APPLICATION_ID, applicationId);
        if (!applicationId.matches("[A-Za-z0-9._-]+")) {
            throw new InvalidConfigException(APPLICATION_ID, "only letters, digits, '.', '_' and '-' are allowed, got '"
                    + applicationId + "'");
        }
        Objects.requireNonNull(commitInterval, COMMIT_INTERVAL_MS);
        Objects.requireNonNull(controlCommitSpacing, CONTROL_COMMIT_SPACING_MS);
        Objects.requireNonNull(expiryScanInterval, EXPIRY_SCAN_MS);
        requireRange(PARTITIONS, partitions, 1, 1000);
        requireRange(REPLICATION_FACTOR, replicationFactor, 1, 10);
        requireRange(COMMIT_INTERVAL_MS, commitInterval.toMillis(), 1, 60_000);
        requireRange(CONTROL_COMMIT_SPACING_MS, controlCommitSpacing.toMillis(), 0, 60_000);
        requireRange(NUM_THREADS, numThreads, 1, 64);
        requireRange(EXPIRY_SCAN_MS, expiryScanInterval.toMillis(), 10, 60_000);
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

    /** Reads the {@code processor.*} keys; absent optional keys take their defaults. */
    public static ProcessorConfig fromProperties(Map<String, String> p) {
        String registry = p.getOrDefault(SCHEMA_REGISTRY, IN_PROCESS).trim();
        URI registryUrl = null;
        if (!registry.equalsIgnoreCase(IN_PROCESS)) {
            try {
                registryUrl = URI.create(registry);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException(SCHEMA_REGISTRY, "not a URL: " + e.getMessage());
            }
            if (registryUrl.getScheme() == null || !registryUrl.getScheme().startsWith("http")) {
                throw new InvalidConfigException(SCHEMA_REGISTRY, "expected an http(s) URL or '" + IN_PROCESS
                        + "', got '" + registry + "'");
            }
        }
        String dataDir = p.get(SCHEMA_REGISTRY_DATA_DIR);
        return new ProcessorConfig(
                p.get(BOOTSTRAP_SERVERS),
                p.getOrDefault(APPLICATION_ID, "trading-control-processors"),
                registryUrl,
                dataDir == null || dataDir.isBlank() ? null : Path.of(dataDir),
                integer(p, PARTITIONS, 3),
                (short) integer(p, REPLICATION_FACTOR, 1),
                Duration.ofMillis(integer(p, COMMIT_INTERVAL_MS,
                        (int) StreamsSettings.DEFAULT_COMMIT_INTERVAL.toMillis())),
                Duration.ofMillis(integer(p, CONTROL_COMMIT_SPACING_MS,
                        (int) StreamsSettings.DEFAULT_CONTROL_COMMIT_SPACING.toMillis())),
                Path.of(p.getOrDefault(STATE_DIR, Path.of(System.getProperty("java.io.tmpdir"), "tcp-processors")
                        .toString())),
                integer(p, NUM_THREADS, 1),
                Duration.ofMillis(integer(p, EXPIRY_SCAN_MS, 250)),
                overrides(p),
                integer(p, MAX_THREAD_REPLACEMENTS, ThreadReplacements.DEFAULT_MAX),
                CommandKeysConfig.files(p));
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

    private static Map<String, String> overrides(Map<String, String> p) {
        Map<String, String> overrides = new TreeMap<>();
        p.forEach((key, value) -> {
            if (key.startsWith(STREAMS_PREFIX)) {
                overrides.put(key.substring(STREAMS_PREFIX.length()), value);
            }
        });
        String explicit = p.get(INSTANCE_ID);
        if (explicit != null && !explicit.isBlank()) {
            overrides.put(GROUP_INSTANCE_ID, explicit.trim());
        }
        overrides.computeIfAbsent(GROUP_INSTANCE_ID, k -> defaultInstanceId(p.get(STATE_DIR)));
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

    private static int integer(Map<String, String> p, String key, int defaultValue) {
        String value = p.get(key);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidConfigException(key, "expected an integer, got '" + value + "'");
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
