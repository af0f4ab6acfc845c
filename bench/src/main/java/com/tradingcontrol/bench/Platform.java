package com.tradingcontrol.bench;

import com.tradingcontrol.kafka.embedded.EmbeddedKafkaBroker;
import com.tradingcontrol.local.PlatformAssembly;
import com.tradingcontrol.local.PlatformConfig;
import com.tradingcontrol.projections.service.ProjectorComponents;
import com.tradingcontrol.schemas.config.ProcessorKeys;
import com.tradingcontrol.schemas.config.ProjectorKeys;
import com.tradingcontrol.schemas.config.SharedKeys;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.signing.CommandKeys;
import com.tradingcontrol.schemas.signing.CommandSigner;
import com.tradingcontrol.schemas.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole platform in this JVM, assembled by the launcher's composition root ({@link PlatformAssembly}):
 * one embedded KRaft broker, the in-memory schema registry, the Kafka Streams processors (EOS v2), the
 * projector into an embedded SQLite store, and the Dropwizard API (command side + read side) on loopback.
 */
public final class Platform implements AutoCloseable {

    public static final int PARTITIONS = 3;

    private static final String COMMAND_KEY_ID = "bench";
    private final Path workDir;
    private final EmbeddedKafkaBroker broker;
    private final InProcessSchemaRegistry registry;
    private final Topics topics;
    private final BenchTokens tokens;
    private PlatformAssembly services;
    private ApiServer api;
    private CommandSigner signer;

    private Platform(Path workDir, EmbeddedKafkaBroker broker, BenchTokens tokens) {
        this.workDir = workDir;
        this.broker = broker;
        this.tokens = tokens;
        this.registry = InProcessSchemaRegistry.inMemory();
        this.topics = new Topics(registry, PARTITIONS);
    }

    /** Starts only the broker (for the raw-Kafka baseline); {@link #startServices} adds the rest. */
    public static Platform startBroker(Path workDir, BenchTokens tokens) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(workDir.resolve("kafka")).build().start();
        return new Platform(workDir, broker, tokens);
    }

    /** @param streamsConfig extra Kafka Streams settings of the processors (bench experiments) */
    public void startServices(int commitIntervalMs, int controlCommitSpacingMs, Map<String, String> streamsConfig)
            throws Exception {
        Path key = CommandKeys.loadOrCreate(workDir);
        signer = new CommandSigner(COMMAND_KEY_ID, CommandKeys.read(key));
        Map<String, String> keys = new HashMap<>(Map.of(
                ProcessorKeys.COMMAND_KEYS_PREFIX + COMMAND_KEY_ID, key.toString(),
                SharedKeys.KAFKA_BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                ProcessorKeys.APPLICATION_ID, "bench-processors",
                ProcessorKeys.STATE_DIR, workDir.resolve("streams").toString(),
                ProcessorKeys.PARTITIONS, Integer.toString(PARTITIONS),
                ProcessorKeys.COMMIT_INTERVAL, commitIntervalMs + "ms",
                ProcessorKeys.CONTROL_COMMIT_SPACING, controlCommitSpacingMs + "ms"));
        keys.putAll(Map.of(
                SharedKeys.KAFKA_GROUP_ID, "bench-projector",
                // The services get the shared in-memory registry; the keys only name a source, as they must.
                SharedKeys.REGISTRY_DIR, workDir.resolve("registry-unused").toString(),
                SharedKeys.STORE_TYPE, "sqlite",
                SharedKeys.STORE_SQLITE_FILE, workDir.resolve("projections.db").toString(),
                ProjectorKeys.POLL_TIMEOUT, "50ms",
                ProjectorKeys.REBUILD_HANDOVER, "100ms",
                ProjectorKeys.REBUILD_CATCH_UP_TIMEOUT, "30m"));
        streamsConfig.forEach((k, v) -> keys.put(ProcessorKeys.STREAMS_PREFIX + k, v));
        // The same API assembly users run (incl. the read-your-writes barrier), so the figures are theirs.
        Path apiYaml = ApiServer.writeConfig(workDir, broker.bootstrapServers(), tokens, COMMAND_KEY_ID,
                key);
        services = new PlatformAssembly(PlatformConfig.from(keys, apiYaml), registry);
        services.startProcessors(Duration.ofSeconds(90));
        services.openProjector();
        services.startProjector();
        api = new ApiServer(services.startApi(List.of()));
    }

    public void startProjector() {
        services.startProjector();
    }

    /** Stops the live projector (so a rebuild measures replay alone, not replay plus live projection). */
    public void stopProjector() throws InterruptedException {
        services.stopProjector();
    }

    /** The processors' Kafka Streams metrics, for the figures' notes. */
    StreamsProbe streamsProbe() {
        return new StreamsProbe(services.processors().streams());
    }

    public ProjectorComponents projector() {
        return services.projector();
    }

    public static Path tempWorkDir() throws java.io.IOException {
        return Files.createTempDirectory("tcp-bench");
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Signs commands the bench writes straight to Kafka, as the API would (the processors trust its key). */
    public CommandSigner signer() {
        return signer;
    }

    public InProcessSchemaRegistry registry() {
        return registry;
    }

    public Topics topics() {
        return topics;
    }

    public BenchTokens tokens() {
        return tokens;
    }

    public ApiServer api() {
        return api;
    }

    /** The services in their fixed order (API, projector, processors, store), then the broker. */
    @Override
    public void close() {
        if (services != null) {
            services.close();
        }
        broker.close();
    }
}
