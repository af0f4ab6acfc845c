package com.tradingcontrol.local;

import com.tradingcontrol.api.ControlPlaneApplication;
import com.tradingcontrol.api.wiring.StandardExtensions;
import com.tradingcontrol.processors.service.TestKeys;
import com.tradingcontrol.projections.service.ProjectorComponents;
import com.tradingcontrol.projections.service.ProjectorConfig;
import com.tradingcontrol.projections.service.ProjectorRunner;
import com.tradingcontrol.projections.store.sqlite.SqliteProjectionStore;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Server;

/**
 * The projector (on SQLite) and the API in this JVM, wired like the local launcher but against an
 * external cluster. In-process keeps the fault test simple; the faults it injects are in the
 * brokers and processors, which run in child JVMs.
 */
final class ProjectorAndApi implements AutoCloseable {

    private final ProjectorComponents projector;
    private final ProjectorRunner runner;
    private final Thread projectorThread;
    private final DevTokens tokens;
    private volatile Server server;
    private volatile int apiPort;

    private ProjectorAndApi(Path dir, String bootstrap, InProcessSchemaRegistry registry) throws Exception {
        Path db = dir.resolve("projections.db");
        projector = new ProjectorComponents(ProjectorConfig.from(Map.of(
                "kafka.bootstrapServers", bootstrap,
                "kafka.groupId", "three-broker-projector",
                "registry.dir", dir.resolve("registry").toString(),
                "store.type", "sqlite",
                "store.sqlite.file", db.toString())), SqliteProjectionStore.open(db), registry);
        runner = projector.runner();
        projectorThread = new Thread(runner, "projector");
        tokens = DevTokens.loadOrCreate(dir);
    }

    static ProjectorAndApi start(Path dir, String bootstrap, InProcessSchemaRegistry registry, int partitions)
            throws Exception {
        ProjectorAndApi side = new ProjectorAndApi(dir, bootstrap, registry);
        side.projectorThread.start();
        side.startApi(dir, bootstrap, registry, partitions);
        return side;
    }

    private void startApi(Path dir, String bootstrap, InProcessSchemaRegistry registry, int partitions)
            throws Exception {
        Path config = LocalApiConfig.write(dir, 0, bootstrap, partitions, tokens.publicKeyPem(), TestKeys.KEY_ID,
                Path.of(TestKeys.keyFile()));
        StandardExtensions api = StandardExtensions.over(projector.store(), "", bootstrap, registry,
                Clock.systemUTC());
        ControlPlaneApplication app = new ControlPlaneApplication(List.of(api.wiring(), api.reads(),
                (cfg, env, runtime) -> env.lifecycle().addServerLifecycleListener(s -> {
                    s.setStopAtShutdown(false);
                    server = s;
                    apiPort = PlatformAssembly.applicationPort(s);
                })));
        app.run("server", config.toString());
        if (server == null) {
            throw new IllegalStateException("the API did not start; see " + dir.resolve("logs/platform.log"));
        }
    }

    String apiBase() {
        return "http://127.0.0.1:" + apiPort;
    }

    String adminToken() throws Exception {
        return tokens.issue("fault-test-admin", null, List.of("admin"), Instant.now());
    }

    ProjectorComponents projector() {
        return projector;
    }

    @Override
    public void close() throws Exception {
        try {
            if (server != null) {
                server.stop();
            }
        } finally {
            runner.close();
            projectorThread.join(Duration.ofSeconds(10).toMillis());
            projector.close();
        }
    }
}
