package com.tradingcontrol.local;

import com.tradingcontrol.api.ControlPlaneApplication;
import com.tradingcontrol.api.admin.ProjectionAdmin;
import com.tradingcontrol.api.admin.ProjectionAdminExtension;
import com.tradingcontrol.kafka.embedded.EmbeddedKafkaBroker;
import com.tradingcontrol.processors.service.ProcessorConfig;
import com.tradingcontrol.processors.service.ProcessorService;
import com.tradingcontrol.projections.drift.DriftReport;
import com.tradingcontrol.projections.rebuild.ActiveProjection;
import com.tradingcontrol.projections.rebuild.Rebuild;
import com.tradingcontrol.projections.service.ProjectorComponents;
import com.tradingcontrol.projections.service.ProjectorConfig;
import com.tradingcontrol.projections.service.ProjectorRunner;
import com.tradingcontrol.projections.store.sqlite.SqliteProjectionStore;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.api.wiring.StandardExtensions;
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
 * The whole platform in one JVM: embedded KRaft broker, in-process schema registry, processors,
 * projector on the embedded SQLite store, and the API. Everything persists under one data dir, so
 * a restart on the same dir keeps events, projections and schema ids.
 */
public final class LocalPlatform implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalPlatform.class);
    static final int PARTITIONS = 3;

    private final Path dataDir;
    private final int requestedPort;
    private final Deque<AutoCloseable> stopOrder = new ArrayDeque<>();
    private EmbeddedKafkaBroker broker;
    private volatile Server server;
    private int apiPort;

    public LocalPlatform(Path dataDir, int requestedPort) {
        this.dataDir = dataDir.toAbsolutePath();
        this.requestedPort = requestedPort;
    }

    /** @throws DataDirLock.DataDirInUseException before touching anything if another instance owns the dir */
    public LocalPlatform start() throws Exception {
        stopOrder.push(DataDirLock.acquire(dataDir));
        broker = EmbeddedKafkaBroker.builder().dataDir(dataDir.resolve("kafka")).build().start();
        stopOrder.push(broker);
        InProcessSchemaRegistry registry = InProcessSchemaRegistry.persistent(dataDir.resolve("registry"));
        stopOrder.push(registry);

        ProcessorService processors = ProcessorService.start(processorConfig(), registry);
        stopOrder.push(() -> processors.close(Duration.ofSeconds(10)));

        SqliteProjectionStore store = SqliteProjectionStore.open(dataDir.resolve("projections.db"));
        stopOrder.push(store);
        ProjectorComponents projector = new ProjectorComponents(projectorConfig(), store, registry);
        ProjectorRunner runner = projector.runner();
        Thread projectorThread = new Thread(runner, "projector");
        projectorThread.start();
        stopOrder.push(() -> {
            runner.close();
            projectorThread.join(Duration.ofSeconds(10).toMillis());
        });

        startApi(registry, projector, processors);
        return this;
    }

    private void startApi(InProcessSchemaRegistry registry, ProjectorComponents projector, ProcessorService processors)
            throws Exception {
        DevTokens tokens = DevTokens.loadOrCreate(dataDir);
        Path config = LocalApiConfig.write(dataDir, requestedPort, broker.bootstrapServers(), PARTITIONS,
                tokens.publicKeyPem());
        StandardExtensions api = StandardExtensions.over(projector.store(), "", broker.bootstrapServers(), registry,
                Clock.systemUTC());
        ProjectionAdminExtension admin = new ProjectionAdminExtension(new InProcessAdmin(projector, api.projection()));
        ControlPlaneApplication app = new ControlPlaneApplication(List.of(api.wiring(), api.reads(), admin,
                (cfg, env, runtime) -> {
                    env.lifecycle().addServerLifecycleListener(s -> {
                        // Jetty's own shutdown hook would stop the API concurrently with ours, so the
                        // API's Kafka clients could outlive the broker; close() stops it first instead.
                        s.setStopAtShutdown(false);
                        server = s;
                        apiPort = localPort(s);
                    });
                    runtime.readiness().register(new ServiceReadiness("stream-processors", processors::isReady,
                            () -> "kafka streams " + processors.state()));
                    runtime.readiness().register(new ServiceReadiness("projector",
                            () -> projector.health().status().state().name().equals("UP"),
                            () -> projector.health().status().toString()));
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

    private static int localPort(Server server) {
        for (var connector : server.getConnectors()) {
            if (connector instanceof org.eclipse.jetty.server.NetworkConnector network) {
                return network.getLocalPort();
            }
        }
        throw new IllegalStateException("the API server has no network connector");
    }

    private ProcessorConfig processorConfig() {
        return ProcessorConfig.fromProperties(Map.of(
                ProcessorConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                ProcessorConfig.APPLICATION_ID, "tcp-local-processors",
                ProcessorConfig.PARTITIONS, Integer.toString(PARTITIONS),
                ProcessorConfig.STATE_DIR, dataDir.resolve("streams").toString()));
    }

    private ProjectorConfig projectorConfig() {
        return ProjectorConfig.from(Map.of(
                "kafka.bootstrapServers", broker.bootstrapServers(),
                "kafka.groupId", "tcp-local-projector",
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

    private record InProcessAdmin(ProjectorComponents projector, ActiveProjection projection) implements ProjectionAdmin {
        @Override
        public Rebuild.Result rebuild() {
            return projector.rebuild().run();
        }

        @Override
        public DriftReport drift() {
            return projector.drift(0);
        }

        @Override
        public int activeVersion() {
            return projection.activeVersion();
        }
    }
}
