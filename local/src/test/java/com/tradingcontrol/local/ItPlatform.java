package com.tradingcontrol.local;

import com.tradingcontrol.api.support.SigningKeys;
import com.tradingcontrol.processors.service.ProcessorService;
import com.tradingcontrol.projections.store.ProjectionStore;
import com.tradingcontrol.schemas.config.ProcessorKeys;
import com.tradingcontrol.schemas.config.SharedKeys;
import com.tradingcontrol.schemas.registry.SchemaRegistryClient;
import io.dropwizard.testing.ConfigOverride;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The services an integration test runs behind its API ({@code DropwizardAppExtension}), assembled by the
 * platform's composition root ({@link PlatformAssembly}) from the platform's keys: the processors (trusting
 * the tests' command-signing key) and, over a store the test owns, the projector. Replaces each IT wiring
 * them by hand.
 */
public final class ItPlatform implements AutoCloseable {
    private static final Duration READY = Duration.ofSeconds(60);
    private final PlatformAssembly services;
    private final Path work;

    private ItPlatform(PlatformAssembly services, Path work) {
        this.services = services;
        this.work = work;
    }

    /** The processors only, RUNNING when this returns. */
    public static ItPlatform processors(String bootstrap, SchemaRegistryClient registry, String name,
                                        Map<String, String> keys) throws Exception {
        Path work = Files.createTempDirectory(name);
        ItPlatform platform = new ItPlatform(new PlatformAssembly(config(work, bootstrap, name, keys), registry), work);
        platform.services.startProcessors(READY);
        return platform;
    }

    /** The processors, RUNNING, and the projector writing into {@code store} (which stays the test's to close). */
    public static ItPlatform withProjector(String bootstrap, SchemaRegistryClient registry, String name,
                                           ProjectionStore store) throws Exception {
        ItPlatform platform = processors(bootstrap, registry, name, Map.of());
        platform.services.openProjector(store);
        platform.services.startProjector();
        return platform;
    }

    private static PlatformConfig config(Path work, String bootstrap, String name, Map<String, String> extra)
            throws Exception {
        Map<String, String> keys = new HashMap<>(Map.of(
                SharedKeys.KAFKA_BOOTSTRAP_SERVERS, bootstrap,
                ProcessorKeys.APPLICATION_ID, name,
                ProcessorKeys.COMMAND_KEYS_PREFIX + SigningKeys.KEY_ID, SigningKeys.keyFile(),
                ProcessorKeys.STATE_DIR, work.resolve("streams").toString(),
                SharedKeys.KAFKA_GROUP_ID, name + "-projector",
                // The registry and the store are handed over; these keys only name a source, as they must.
                SharedKeys.REGISTRY_DIR, work.resolve("registry-unused").toString(),
                SharedKeys.STORE_TYPE, "sqlite",
                SharedKeys.STORE_SQLITE_FILE, work.resolve("unused.db").toString()));
        keys.putAll(extra);
        return PlatformConfig.from(keys, null);
    }

    /**
     * The overrides that make the tests' API ({@code TestApps}) this platform's: its cluster and partitions and
     * the command-signing key the processors trust, then {@code extra}.
     */
    public static ConfigOverride[] apiOverrides(String bootstrap, int partitions, ConfigOverride... extra) {
        List<ConfigOverride> all = new ArrayList<>(List.of(ConfigOverride.config("kafka.bootstrapServers", bootstrap),
                ConfigOverride.config("kafka.partitions", Integer.toString(partitions))));
        all.addAll(List.of(SigningKeys.apiOverrides()));
        all.addAll(List.of(extra));
        return all.toArray(ConfigOverride[]::new);
    }

    public ProcessorService processorService() {
        return services.processors();
    }

    /** Stops the projector and the processors and deletes their state; the test's broker, registry and store are its own. */
    @Override
    public void close() throws InterruptedException {
        services.stopProjector();
        services.stopProcessors();
        try {
            org.apache.kafka.common.utils.Utils.delete(work.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot delete the processors' state in " + work, e);
        }
    }
}
