package com.tradingcontrol.local;

import com.tradingcontrol.processors.service.TestKeys;
import com.tradingcontrol.projections.service.ProjectorComponents;
import com.tradingcontrol.schemas.config.ProcessorKeys;
import com.tradingcontrol.schemas.config.SharedKeys;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The projector (on SQLite) and the API in this JVM, assembled like the local launcher
 * ({@link PlatformAssembly}) but against an external cluster. In-process keeps the fault test simple;
 * the faults it injects are in the brokers and processors, which run in child JVMs.
 */
final class ProjectorAndApi implements AutoCloseable {

    private final PlatformAssembly services;
    private final DevTokens tokens;
    private final int apiPort;

    private ProjectorAndApi(PlatformAssembly services, DevTokens tokens, int apiPort) {
        this.services = services;
        this.tokens = tokens;
        this.apiPort = apiPort;
    }

    static ProjectorAndApi start(Path dir, String bootstrap, InProcessSchemaRegistry registry, int partitions)
            throws Exception {
        DevTokens tokens = DevTokens.loadOrCreate(dir);
        Path yaml = LocalApiConfig.write(dir, 0, bootstrap, partitions, tokens.publicKeyPem(), TestKeys.KEY_ID,
                Path.of(TestKeys.keyFile()));
        PlatformConfig config = PlatformConfig.from(Map.of(
                SharedKeys.KAFKA_BOOTSTRAP_SERVERS, bootstrap,
                SharedKeys.KAFKA_GROUP_ID, "three-broker-projector",
                SharedKeys.REGISTRY_DIR, dir.resolve("registry").toString(),
                SharedKeys.STORE_TYPE, "sqlite",
                SharedKeys.STORE_SQLITE_FILE, dir.resolve("projections.db").toString(),
                // The processors run in child JVMs; their configuration here only has to be valid.
                ProcessorKeys.COMMAND_KEYS_PREFIX + TestKeys.KEY_ID, TestKeys.keyFile()), yaml);
        PlatformAssembly services = new PlatformAssembly(config, registry);
        try {
            services.openProjector();
            services.startProjector();
            return new ProjectorAndApi(services, tokens, PlatformAssembly.applicationPort(services.startApi(List.of())));
        } catch (Exception e) {
            services.close();
            throw e;
        }
    }

    String apiBase() {
        return "http://127.0.0.1:" + apiPort;
    }

    String adminToken() throws Exception {
        return tokens.issue("fault-test-admin", null, List.of("admin"), Instant.now());
    }

    ProjectorComponents projector() {
        return services.projector();
    }

    @Override
    public void close() {
        services.close();
    }
}
