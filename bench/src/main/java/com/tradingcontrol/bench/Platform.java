package com.tradingcontrol.bench;

import com.tradingcontrol.kafka.embedded.EmbeddedKafkaBroker;
import com.tradingcontrol.processors.service.ProcessorConfig;
import com.tradingcontrol.processors.service.ProcessorService;
import com.tradingcontrol.projections.service.ProjectorComponents;
import com.tradingcontrol.projections.service.ProjectorConfig;
import com.tradingcontrol.projections.service.ProjectorRunner;
import com.tradingcontrol.projections.store.sqlite.SqliteProjectionStore;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.signing.CommandKeys;
import com.tradingcontrol.schemas.signing.CommandSigner;
import com.tradingcontrol.schemas.topics.Topics;
import com.tradingcontrol.api.wiring.StandardExtensions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole platform in this JVM, assembled the way the one-JVM local launcher does it: one embedded
 * KRaft broker, the in-memory schema registry, the Kafka Streams processors (EOS v2), the projector
 * into an embedded SQLite store, and the Dropwizard API (command side + read side) on loopback.
 * Assembled here because the launcher module had no reusable start-up code when the bench was written.
 */
public final class Platform implements AutoCloseable {

    public static final int PARTITIONS = 3;

    private static final String COMMAND_KEY_ID = "bench";
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final Path workDir;
    private final EmbeddedKafkaBroker broker;
    private final InProcessSchemaRegistry registry;
    private final Topics topics;
    private final BenchTokens tokens = new BenchTokens();
    private SqliteProjectionStore store;
    private ProjectorComponents projector;
    private ProjectorRunner runner;
    private Thread runnerThread;
    private ApiServer api;
    private ProcessorService processors;
    private CommandSigner signer;

    private Platform(Path workDir, EmbeddedKafkaBroker broker) {
        this.workDir = workDir;
        this.broker = broker;
        this.registry = InProcessSchemaRegistry.inMemory();
        this.topics = new Topics(registry, PARTITIONS);
    }

    /** Starts only the broker (for the raw-Kafka baseline); {@link #startServices} adds the rest. */
    public static Platform startBroker(Path workDir) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(workDir.resolve("kafka")).build().start();
        Platform platform = new Platform(workDir, broker);
        platform.closeables.add(broker);
        return platform;
    }

    /** @param streamsConfig extra Kafka Streams settings of the processors (bench experiments) */
    public void startServices(int commitIntervalMs, int controlCommitSpacingMs, Map<String, String> streamsConfig)
            throws Exception {
        Path key = CommandKeys.loadOrCreate(workDir);
        signer = new CommandSigner(COMMAND_KEY_ID, CommandKeys.read(key));
        Map<String, String> settings = new HashMap<>(Map.of(
                ProcessorConfig.COMMAND_KEYS_PREFIX + COMMAND_KEY_ID, key.toString(),
                ProcessorConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                ProcessorConfig.APPLICATION_ID, "bench-processors",
                ProcessorConfig.STATE_DIR, workDir.resolve("streams").toString(),
                ProcessorConfig.PARTITIONS, Integer.toString(PARTITIONS),
                ProcessorConfig.COMMIT_INTERVAL, commitIntervalMs + "ms",
                ProcessorConfig.CONTROL_COMMIT_SPACING, controlCommitSpacingMs + "ms"));
        streamsConfig.forEach((k, v) -> settings.put(ProcessorConfig.STREAMS_PREFIX + k, v));
        processors = ProcessorService.start(ProcessorConfig.fromProperties(settings), registry);
        closeables.add(0, processors);
        if (!processors.awaitReady(Duration.ofSeconds(90))) {
            throw new IllegalStateException("processors did not reach RUNNING: " + processors.state());
        }
        store = SqliteProjectionStore.open(workDir.resolve("projections.db"));
        projector = new ProjectorComponents(projectorConfig(), store, registry);
        closeables.add(0, projector);
        startProjector();
        // The same API assembly users run (incl. the read-your-writes barrier), so the figures are theirs.
        api = ApiServer.start(workDir, broker.bootstrapServers(), tokens.publicKeyPem(), COMMAND_KEY_ID, key,
                StandardExtensions.over(store, "", broker.bootstrapServers(), registry, Clock.systemUTC()).list());
        closeables.add(0, api);
    }

    private ProjectorConfig projectorConfig() {
        return ProjectorConfig.from(Map.of(
                "kafka.bootstrapServers", broker.bootstrapServers(),
                "kafka.groupId", "bench-projector",
                // The components get the shared in-memory registry; the config only insists a source is named.
                "registry.dir", workDir.resolve("registry-unused").toString(),
                "store.type", "sqlite",
                "store.sqlite.file", workDir.resolve("projections.db").toString(),
                "projector.pollTimeout", "50ms",
                "rebuild.handover", "100ms",
                "rebuild.catchUpTimeout", "30m"));
    }

    public synchronized void startProjector() {
        runner = projector.runner();
        runnerThread = new Thread(runner, "bench-projector");
        runnerThread.setDaemon(true);
        runnerThread.start();
    }

    /** Stops the live projector (so a rebuild measures replay alone, not replay plus live projection). */
    public synchronized void stopProjector() throws InterruptedException {
        if (runner != null) {
            runner.close();
            runnerThread.join(30_000);
            runner = null;
        }
    }

    /** The processors' Kafka Streams metrics, for the figures' notes. */
    StreamsProbe streamsProbe() {
        return new StreamsProbe(processors.streams());
    }

    public ProjectorComponents projector() {
        return projector;
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

    @Override
    public void close() throws Exception {
        Exception first = null;
        stopProjector();
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
