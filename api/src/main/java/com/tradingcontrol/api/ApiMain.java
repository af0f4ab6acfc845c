package com.tradingcontrol.api;

import io.dropwizard.lifecycle.Managed;
import com.tradingcontrol.projections.store.ProjectionStore;
import com.tradingcontrol.projections.store.cosmos.CosmosProjectionStore;
import com.tradingcontrol.projections.store.sqlite.SqliteProjectionStore;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.registry.RestRegistryConfig;
import com.tradingcontrol.schemas.registry.RestSchemaRegistryClient;
import com.tradingcontrol.schemas.registry.SchemaRegistryClient;
import com.tradingcontrol.projections.service.ProjectorComponents;
import com.tradingcontrol.projections.service.ProjectorConfig;
import com.tradingcontrol.api.wiring.ServiceReadiness;
import com.tradingcontrol.api.wiring.StandardExtensions;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The production API process: {@link ControlPlaneApplication} with the command side and the read
 * side plugged in. Dropwizard's own arguments are unchanged ({@code server config.yml}; any key can
 * be overridden with {@code -Ddw.<path>=value}). The read side opens the projection store and the
 * schema registry from a projector-style properties file (same keys as {@link ProjectorConfig}:
 * {@code kafka.bootstrapServers}, {@code registry.url}, {@code store.type}, {@code cosmos.*},
 * {@code projection.prefix}) named by the environment variable {@code TCP_READS_CONFIG} or the
 * system property {@code tcp.reads.config}; {@code TCP_READS_<KEY>} environment variables
 * (dots as underscores, upper case) override single keys, so a container can be wired by env alone.
 * The one registry client built from {@code registry.url}/{@code registry.dir} serves commands and
 * reads; a YAML {@code schemaRegistry} naming another registry stops the start ({@link RegistryAgreement}).
 */
public final class ApiMain {
    static final String CONFIG_ENV = "TCP_READS_CONFIG";
    static final String ENV_PREFIX = "TCP_READS_";
    /** The processors' application id, whose consumer group /health/ready checks (TCP_READS_PROCESSORS_APPLICATION_ID). */
    static final String PROCESSORS_GROUP = "processors.applicationId";
    static final List<String> KEYS = List.of("kafka.bootstrapServers", "kafka.groupId", "registry.url", "registry.dir",
            "store.type", "store.sqlite.file", "cosmos.endpoint", "cosmos.key", "cosmos.database", "cosmos.emulator",
            "cosmos.consistency", "cosmos.connectionMode", "projection.prefix", PROCESSORS_GROUP);
    /** Records the processors or the projector may be behind and still count as ready. */
    static final long READY_MAX_LAG = 1_000;

    private ApiMain() {
    }

    public static void main(String[] args) throws Exception {
        Properties properties = readsProperties();
        ProjectorConfig reads = ProjectorConfig.from(properties);
        String processorsGroup = properties.getProperty(PROCESSORS_GROUP, "trading-control-processors");
        SchemaRegistryClient registry = reads.registryUrl() != null
                ? new RestSchemaRegistryClient(RestRegistryConfig.of(reads.registryUrl()))
                : InProcessSchemaRegistry.persistent(reads.registryDir());
        ProjectionStore store = reads.storeType() == ProjectorConfig.StoreType.SQLITE
                ? SqliteProjectionStore.open(reads.sqliteFile())
                : new CosmosProjectionStore(reads.cosmos());
        List<ApiExtension> extensions = new java.util.ArrayList<>();
        extensions.add(RegistryAgreement.check(reads));
        extensions.addAll(extensions(reads, store, registry));
        extensions.add(new ServiceReadiness(reads.bootstrapServers(), processorsGroup, store, reads.prefix(),
                reads.topics(), READY_MAX_LAG).extension());
        new ControlPlaneApplication(extensions).run(args);
    }

    /**
     * The production API's extensions: commands, reads, and the projection admin routes (drift check,
     * rebuild, rebuild status) assembled exactly as the launcher assembles them; the store is closed with the server.
     */
    static List<ApiExtension> extensions(ProjectorConfig reads, ProjectionStore store, SchemaRegistryClient registry) {
        StandardExtensions api = StandardExtensions.over(store, reads.prefix(), reads.bootstrapServers(), registry,
                Clock.systemUTC());
        ApiExtension closeStore = (config, environment, runtime) -> environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() throws Exception {
                store.close();
            }
        });
        return List.of(api.wiring(), api.reads(), api.admin(new ProjectorComponents(reads, store, registry)), closeStore);
    }

    static Properties readsProperties() throws IOException {
        Properties props = new Properties();
        String file = System.getProperty("tcp.reads.config", System.getenv(CONFIG_ENV));
        if (file != null) {
            try (Reader reader = Files.newBufferedReader(Path.of(file))) {
                props.load(reader);
            }
        }
        return withEnvironment(props, System.getenv());
    }

    /** The {@code TCP_READS_*} variables of {@code env} applied over {@code props}. */
    static Properties withEnvironment(Properties props, Map<String, String> env) {
        env.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && !name.equals(CONFIG_ENV)) {
                props.setProperty(toKey(name.substring(ENV_PREFIX.length())), value);
            }
        });
        return props;
    }

    /**
     * {@code STORE_TYPE} → {@code store.type}, {@code KAFKA_BOOTSTRAP_SERVERS} (or {@code _BOOTSTRAPSERVERS})
     * → {@code kafka.bootstrapServers}: matched ignoring case and separators, because environment
     * variable names cannot carry the dots and camel case of the keys. Unknown names are an error.
     */
    static String toKey(String envSuffix) {
        String wanted = envSuffix.replace("_", "");
        for (String known : KEYS) {
            if (known.replace(".", "").equalsIgnoreCase(wanted)) {
                return known;
            }
        }
        throw new IllegalArgumentException(ENV_PREFIX + envSuffix + " names no read-side key; known keys: " + KEYS);
    }
}
