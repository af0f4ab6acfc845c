package com.tradingcontrol.local;

import com.tradingcontrol.api.console.DevTokenListing;
import com.tradingcontrol.kafka.embedded.EmbeddedKafkaBroker;
import com.tradingcontrol.projections.service.ProjectorProgress;
import com.tradingcontrol.api.health.ReadinessRegistry;
import com.tradingcontrol.api.health.ReadinessStatus;
import com.tradingcontrol.schemas.config.ProcessorKeys;
import com.tradingcontrol.schemas.config.ProjectorKeys;
import com.tradingcontrol.schemas.config.SharedKeys;
import com.tradingcontrol.schemas.signing.CommandKeys;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Confluent REST API, or an external one instead), and the services assembled by {@link PlatformAssembly}
 * (processors, projector on the embedded SQLite store, the API). Everything persists under one data dir, so
 * a restart on the same dir keeps events, projections and schema ids. Stop order: the services (API,
 * projector, processors, store), then the registry, the broker and the data dir's lock.
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
    private volatile ReadinessRegistry readiness;
    private int apiPort;
    private URI schemaRegistryUrl;
    private PlatformAssembly services;

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

        // Like the dev JWT key: generated once in the data dir; the API signs commands, the processors trust it.
        Path commandKey = CommandKeys.loadOrCreate(dataDir);
        DevTokens tokens = DevTokens.loadOrCreate(dataDir);
        Path apiYaml = LocalApiConfig.write(dataDir, requestedPort, broker.bootstrapServers(), PARTITIONS,
                tokens.publicKeyPem(), COMMAND_KEY_ID, commandKey);
        services = new PlatformAssembly(PlatformConfig.from(keys(commandKey), apiYaml), registries.client());
        stopOrder.push(services);
        services.startProcessors();
        services.openProjector();
        ProjectorProgress progress = services.startProjector();
        Server server = services.startApi(List.of(
                DevTokenListing.extension(() -> tokens.issueAll(java.time.Instant.now())),
                (cfg, env, runtime) -> {
                    readiness = runtime.readiness();
                    readiness.register(new InProcessReadiness("stream-processors", () -> services.processors().isReady(),
                            () -> "kafka streams " + services.processors().state()));
                    readiness.register(new ProjectorReadiness(progress, PROJECTOR_READY_MAX_LAG));
                }));
        apiPort = PlatformAssembly.applicationPort(server);
        return this;
    }

    /** The platform's keys in one JVM: one cluster, the served registry's directory, everything under the data dir. */
    private Map<String, String> keys(Path commandKey) {
        Map<String, String> keys = new java.util.HashMap<>();
        keys.put(SharedKeys.KAFKA_BOOTSTRAP_SERVERS, broker.bootstrapServers());
        if (externalRegistry == null) {
            keys.put(SharedKeys.REGISTRY_DIR, dataDir.resolve("registry").toString());
        } else {
            keys.put(SharedKeys.REGISTRY_URL, externalRegistry.toString());
        }
        keys.put(ProcessorKeys.COMMAND_KEYS_PREFIX + COMMAND_KEY_ID, commandKey.toString());
        keys.put(ProcessorKeys.APPLICATION_ID, "tcp-local-processors");
        keys.put(ProcessorKeys.PARTITIONS, Integer.toString(PARTITIONS));
        keys.put(ProcessorKeys.STATE_DIR, dataDir.resolve("streams").toString());
        keys.put(ProcessorKeys.INSTANCE_ID, INSTANCE_ID);
        keys.put(SharedKeys.KAFKA_GROUP_ID, "tcp-local-projector");
        keys.put(ProjectorKeys.INSTANCE_ID, INSTANCE_ID);
        keys.put(SharedKeys.STORE_TYPE, "sqlite");
        keys.put(SharedKeys.STORE_SQLITE_FILE, dataDir.resolve("projections.db").toString());
        return keys;
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

    /**
     * Stops the processors (commands are accepted by the API but not decided) until {@link #restartProcessors}:
     * what the fast halt path must survive. For tests of that path; the API and the projector keep running.
     */
    void stopProcessors() {
        services.stopProcessors();
    }

    /** Starts the processors again after {@link #stopProcessors} and waits until they are RUNNING. */
    void restartProcessors(Duration timeout) throws Exception {
        services.startProcessors(timeout);
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
