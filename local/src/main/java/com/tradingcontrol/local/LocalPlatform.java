package com.tradingcontrol.local;

import com.tradingcontrol.api.ControlPlaneApplication;
import com.tradingcontrol.api.console.DevTokenListing;
import com.tradingcontrol.kafka.embedded.EmbeddedKafkaBroker;
import com.tradingcontrol.processors.service.ProcessorConfig;
import com.tradingcontrol.processors.service.ProcessorService;
import com.tradingcontrol.projections.service.ProjectorComponents;
import com.tradingcontrol.projections.service.ProjectorConfig;
import com.tradingcontrol.projections.service.ProjectorProgress;
import com.tradingcontrol.projections.service.ProjectorRunner;
import com.tradingcontrol.api.health.ReadinessRegistry;
import com.tradingcontrol.api.health.ReadinessStatus;
import com.tradingcontrol.projections.store.sqlite.SqliteProjectionStore;
import com.tradingcontrol.schemas.registry.SchemaRegistryClient;
import com.tradingcontrol.schemas.signing.CommandKeys;
import com.tradingcontrol.api.wiring.StandardExtensions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform in one JVM: embedded KRaft broker, in-process schema registry (served over the
 * Confluent REST API, or an external one instead), processors, projector on the embedded SQLite
 * store, and the API. Everything persists under one data dir, so
 * a restart on the same dir keeps events, projections and schema ids.
 */
public final class LocalPlatform implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalPlatform.class);
    static final int PARTITIONS = 3;
    /** Id of the data dir's command-signing key (one key; rotate by deleting it with the platform stopped). */
    static final String COMMAND_KEY_ID = "local";
    /** Static group membership id of this dir's processors and projector: one instance per data dir. */
    static final String INSTANCE_ID = "tcp-local";
    /** A projector this many records behind (or less) counts as caught up: writes are in flight all the time. */
    static final long PROJECTOR_READY_MAX_LAG = 100;

    private final Path dataDir;
    private final int requestedPort;
    private final int kafkaPort;
    private final URI externalRegistry;
    private final Deque<AutoCloseable> stopOrder = new ArrayDeque<>();
    private EmbeddedKafkaBroker broker;
    private volatile Server server;
    private volatile ReadinessRegistry readiness;
    private int apiPort;
    private URI schemaRegistryUrl;
    /** Replaced by {@link #restartProcessors}; the stop order and readiness check read it when they run. */
    private volatile ProcessorService processors;
    private Path commandKey;
    private SchemaRegistryClient registry;

    /** Kafka on any free port, the in-process registry served over REST. */
    public LocalPlatform(Path dataDir, int requestedPort) {
        this(dataDir, requestedPort, 0, null);
    }

    /**
     * @param kafkaPort the broker's port on 127.0.0.1; 0 picks a free one
     * @param externalRegistry a Confluent-API registry to use instead of the in-process one, or null
     */
    public LocalPlatform(Path dataDir, int requestedPort, int kafkaPort, URI externalRegistry) {
        this.dataDir = dataDir.toAbsolutePath();
        this.requestedPort = requestedPort;
        this.kafkaPort = kafkaPort;
        this.externalRegistry = externalRegistry;
    }

    /** @throws DataDirLock.DataDirInUseException before touching anything if another instance owns the dir */
    public LocalPlatform start() throws Exception {
        Files.createDirectories(dataDir);
        stopOrder.push(DataDirLock.acquire(dataDir));
        KafkaPort.requireFree(kafkaPort);
        // After kill -9 the controller refuses the restarted broker (DUPLICATE_BROKER_REGISTRATION) until the
        // dead incarnation's session expires: 9 s by default, measured as a flat 10 s on every restart. Broker
        // and controller share this process; 3 s still leaves a CPU-starved heartbeat thread six beats. Only
        // here, not in every embedded broker: tests on a loaded machine gain nothing from the risk of fencing.
        broker = EmbeddedKafkaBroker.builder().dataDir(dataDir.resolve("kafka")).port(kafkaPort)
                .property("broker.heartbeat.interval.ms", "500")
                .property("broker.session.timeout.ms", "3000")
                .build().start();
        stopOrder.push(broker);
        LocalSchemaRegistry registries = externalRegistry == null
                ? LocalSchemaRegistry.served(dataDir.resolve("registry"))
                : LocalSchemaRegistry.external(externalRegistry);
        stopOrder.push(registries);
        schemaRegistryUrl = registries.url();
        registry = registries.client();

        // Like the dev JWT key: generated once in the data dir; the API signs commands, the processors trust it.
        commandKey = CommandKeys.loadOrCreate(dataDir);
        processors = ProcessorService.start(processorConfig(commandKey), registry);
        stopOrder.push(() -> processors.close(Duration.ofSeconds(10)));

        SqliteProjectionStore store = SqliteProjectionStore.open(dataDir.resolve("projections.db"));
        stopOrder.push(store);
        ProjectorComponents projector = new ProjectorComponents(projectorConfig(), store, registry);
        ProjectorRunner runner = projector.runner();
        ProjectorProgress progress = new ProjectorProgress(runner, projector.loops());
        Thread projectorThread = new Thread(runner, "projector");
        projectorThread.start();
        stopOrder.push(() -> {
            runner.close();
            projectorThread.join(Duration.ofSeconds(10).toMillis());
        });

        startApi(registry, projector, progress, commandKey);
        return this;
    }

    /**
     * Waits until every readiness check of {@code /health/ready} is up — processors RUNNING, the
     * projector caught up, the API's followers at the log end — so {@code READY} means commands are
     * decided and read back now, not after a rebalance or a replay.
     *
     * @param waiting called with the checks that are down, about every 5 s while waiting
     * @return false if the platform was not ready in time
     */
    public boolean awaitReady(Duration timeout, java.util.function.Consumer<String> waiting) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextReport = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, ReadinessStatus> down = new java.util.LinkedHashMap<>(readiness.evaluate());
            down.values().removeIf(ReadinessStatus::ready);
            if (down.isEmpty()) {
                return true;
            }
            if (System.nanoTime() > nextReport) {
                waiting.accept(down.toString());
                nextReport = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            }
            Thread.sleep(100);
        }
        return false;
    }

    private void startApi(SchemaRegistryClient registry, ProjectorComponents projector,
                          ProjectorProgress progress, Path commandSigningKey) throws Exception {
        DevTokens tokens = DevTokens.loadOrCreate(dataDir);
        Path config = LocalApiConfig.write(dataDir, requestedPort, broker.bootstrapServers(), PARTITIONS,
                tokens.publicKeyPem(), COMMAND_KEY_ID, commandSigningKey);
        StandardExtensions api = StandardExtensions.over(projector.store(), "", broker.bootstrapServers(), registry,
                Clock.systemUTC());
        ControlPlaneApplication app = new ControlPlaneApplication(List.of(api.wiring(), api.reads(), api.admin(projector),
                DevTokenListing.extension(() -> tokens.issueAll(java.time.Instant.now())),
                (cfg, env, runtime) -> {
                    env.lifecycle().addServerLifecycleListener(s -> {
                        // Jetty's own shutdown hook would stop the API concurrently with ours, so the
                        // API's Kafka clients could outlive the broker; close() stops it first instead.
                        s.setStopAtShutdown(false);
                        server = s;
                        apiPort = localPort(s);
                    });
                    readiness = runtime.readiness();
                    readiness.register(new InProcessReadiness("stream-processors", () -> processors.isReady(),
                            () -> "kafka streams " + processors.state()));
                    readiness.register(new ProjectorReadiness(progress, PROJECTOR_READY_MAX_LAG));
                }));
        app.run("server", config.toString());
        stopOrder.push(() -> {
            if (server != null) {
                server.stop();
            }
        });
        if (server == null) {
            throw new IllegalStateException("the API did not start; see " + dataDir.resolve("logs/platform.log"));
        }
    }

    /**
     * Stops the processors (commands are accepted by the API but not decided) until {@link #restartProcessors}:
     * what the fast halt path must survive. For tests of that path; the API and the projector keep running.
     */
    void stopProcessors() {
        processors.close(Duration.ofSeconds(10));
    }

    /** Starts the processors again after {@link #stopProcessors} and waits until they are RUNNING. */
    void restartProcessors(Duration timeout) throws Exception {
        processors = ProcessorService.start(processorConfig(commandKey), registry);
        if (!processors.awaitReady(timeout)) {
            throw new IllegalStateException("the processors did not run again within " + timeout + ": " + processors.state());
        }
    }

    /** The API's port: Dropwizard names it "application"; the admin connector is another, loopback-only one. */
    static int localPort(Server server) {
        for (var connector : server.getConnectors()) {
            if (connector instanceof org.eclipse.jetty.server.NetworkConnector network
                    && "application".equals(network.getName())) {
                return network.getLocalPort();
            }
        }
        throw new IllegalStateException("the API server has no application connector");
    }

    private ProcessorConfig processorConfig(Path commandKey) {
        return ProcessorConfig.fromProperties(Map.of(
                ProcessorConfig.COMMAND_KEYS_PREFIX + COMMAND_KEY_ID, commandKey.toString(),
                ProcessorConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                ProcessorConfig.APPLICATION_ID, "tcp-local-processors",
                ProcessorConfig.PARTITIONS, Integer.toString(PARTITIONS),
                ProcessorConfig.STATE_DIR, dataDir.resolve("streams").toString(),
                ProcessorConfig.INSTANCE_ID, INSTANCE_ID));
    }

    private ProjectorConfig projectorConfig() {
        return ProjectorConfig.from(Map.of(
                "kafka.bootstrapServers", broker.bootstrapServers(),
                "kafka.groupId", "tcp-local-projector",
                "kafka.instanceId", INSTANCE_ID,
                "registry.dir", dataDir.resolve("registry").toString(),
                "store.type", "sqlite",
                "store.sqlite.file", dataDir.resolve("projections.db").toString()));
    }

    public int apiPort() {
        return apiPort;
    }

    public String kafkaBootstrap() {
        return broker.bootstrapServers();
    }

    /** The registry engines should use: the served in-process one, or the external one. Known once started. */
    public URI schemaRegistryUrl() {
        return schemaRegistryUrl;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops everything in reverse start order; every component is stopped even if one fails. */
    @Override
    public void close() {
        while (!stopOrder.isEmpty()) {
            AutoCloseable next = stopOrder.pop();
            try {
                next.close();
            } catch (Exception e) {
                LOG.warn("stopping a component failed", e);
            }
        }
    }
}
