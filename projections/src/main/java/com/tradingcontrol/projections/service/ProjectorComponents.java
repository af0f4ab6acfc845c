package com.tradingcontrol.projections.service;

import com.tradingcontrol.projections.drift.DriftCheck;
import com.tradingcontrol.projections.drift.DriftReport;
import com.tradingcontrol.projections.drift.LogReader;
import com.tradingcontrol.projections.projector.ContainerNames;
import com.tradingcontrol.projections.projector.ProjectorHealth;
import com.tradingcontrol.projections.projector.ProjectorLoops;
import com.tradingcontrol.projections.rebuild.ProjectionMeta;
import com.tradingcontrol.projections.rebuild.Rebuild;
import com.tradingcontrol.projections.store.ProjectionStore;
import com.tradingcontrol.projections.store.cosmos.CosmosProjectionStore;
import com.tradingcontrol.projections.store.sqlite.SqliteProjectionStore;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.registry.RestRegistryConfig;
import com.tradingcontrol.schemas.registry.RestSchemaRegistryClient;
import com.tradingcontrol.schemas.registry.SchemaRegistryClient;
import java.time.Clock;
import java.time.Duration;

/**
 * The projector's object graph, built from a {@link ProjectorConfig} or from parts a host process
 * (the local launcher, tests) already has. Offers the service's three commands.
 */
public final class ProjectorComponents implements AutoCloseable {

    private final ProjectorConfig config;
    private final ProjectionStore store;
    private final SchemaRegistryClient registry;
    private final ProjectorHealth health = new ProjectorHealth();
    private final ProjectorLoops loops;
    private final ProjectionMeta meta;
    private final AutoCloseable registryCloser;

    public ProjectorComponents(ProjectorConfig config, ProjectionStore store, SchemaRegistryClient registry) {
        this(config, store, registry, null);
    }

    private ProjectorComponents(ProjectorConfig config, ProjectionStore store, SchemaRegistryClient registry,
                                AutoCloseable registryCloser) {
        this.config = config;
        this.store = store;
        this.registry = registry;
        this.registryCloser = registryCloser;
        this.loops = new ProjectorLoops(config.bootstrapServers(), config.topics(), registry, store, health, config.timing());
        this.meta = new ProjectionMeta(store, config.prefix(), Clock.systemUTC());
    }

    /** Opens the configured store and registry. */
    public static ProjectorComponents open(ProjectorConfig config) {
        ProjectionStore store = config.storeType() == ProjectorConfig.StoreType.SQLITE
                ? SqliteProjectionStore.open(config.sqliteFile())
                : new CosmosProjectionStore(config.cosmos());
        if (config.registryDir() != null) {
            InProcessSchemaRegistry registry = InProcessSchemaRegistry.persistent(config.registryDir());
            return new ProjectorComponents(config, store, registry, registry);
        }
        return new ProjectorComponents(config, store, new RestSchemaRegistryClient(RestRegistryConfig.of(config.registryUrl())), null);
    }

    public ProjectorHealth health() {
        return health;
    }

    public ProjectionMeta meta() {
        return meta;
    }

    public ProjectorLoops loops() {
        return loops;
    }

    public ProjectionStore store() {
        return store;
    }

    public ProjectorRunner runner() {
        return new ProjectorRunner(meta, loops, config.groupId(), config.pointerCheck(), config.instanceId());
    }

    public Rebuild rebuild() {
        return new Rebuild(meta, loops, config.groupId(), new Rebuild.Options(config.rebuildCatchUpTimeout(),
                config.rebuildHandover(), config.rebuildDropOld(), config.rebuildDropGrace()));
    }

    /** Drift check of the active version (or of {@code version} when > 0). */
    public DriftReport drift(int version) {
        int target = version > 0 ? version : meta.read()
                .orElseThrow(() -> new IllegalStateException("no projection pointer: the projector never ran")).active();
        ContainerNames names = new ContainerNames(config.prefix(), target);
        DriftCheck check = new DriftCheck(new LogReader(loops, Duration.ofMinutes(10)), loops.projector(names));
        return check.check(store, names);
    }

    @Override
    public void close() {
        store.close();
        if (registryCloser != null) {
            try {
                registryCloser.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the schema registry failed", e);
            }
        }
    }
}
