package com.tradingcontrol.local;

import com.tradingcontrol.api.ApiExtension;
import com.tradingcontrol.api.ControlPlaneApplication;
import com.tradingcontrol.api.wiring.StandardExtensions;
import com.tradingcontrol.processors.service.ProcessorService;
import com.tradingcontrol.projections.service.ProjectorComponents;
import com.tradingcontrol.projections.service.ProjectorProgress;
import com.tradingcontrol.projections.service.ProjectorRunner;
import com.tradingcontrol.projections.store.ProjectionStore;
import com.tradingcontrol.projections.store.sqlite.SqliteProjectionStore;
import com.tradingcontrol.schemas.registry.SchemaRegistryClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one composition root of the platform's services in a JVM: processors, projection store, projector and
 * API, built from a {@link PlatformConfig} over a cluster and a registry the caller owns. The launcher, the
 * bench and the integration tests start the parts they need, in this order; {@link #close} stops them in a
 * fixed order: the API (no new commands), the projector, the processors, then the store.
 */
public final class PlatformAssembly implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformAssembly.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final PlatformConfig config;
    private final SchemaRegistryClient registry;
    private volatile ProcessorService processors;
    private ProjectionStore store;
    private ProjectorComponents projector;
    private ProjectorRunner runner;
    private Thread runnerThread;
    private volatile Server api;

    public PlatformAssembly(PlatformConfig config, SchemaRegistryClient registry) {
        this.config = config;
        this.registry = registry;
    }

    /** Starts the processors (again, after {@link #stopProcessors}); they become ready on their own. */
    public ProcessorService startProcessors() throws Exception {
        processors = ProcessorService.start(config.processor(), registry);
        return processors;
    }

    /** Starts the processors and waits until they are RUNNING. */
    public ProcessorService startProcessors(Duration timeout) throws Exception {
        ProcessorService started = startProcessors();
        if (!started.awaitReady(timeout)) {
            throw new IllegalStateException("the processors did not reach RUNNING within " + timeout + ": "
                    + started.state());
        }
        return started;
    }

    /** Stops the processors only (the API accepts commands, nothing decides them): what fast halts must survive. */
    public void stopProcessors() {
        ProcessorService running = processors;
        if (running != null) {
            running.close(STOP_TIMEOUT);
        }
    }

    /** Opens the projector's configured SQLite store ({@code store.sqlite.file}) and builds the projector over it. */
    public ProjectorComponents openProjector() {
        return openProjector(SqliteProjectionStore.open(config.projector().sqliteFile()));
    }

    /** Builds the projector over {@code projectionStore} (closed by {@link #close}). */
    public ProjectorComponents openProjector(ProjectionStore projectionStore) {
        store = projectionStore;
        projector = new ProjectorComponents(config.projector(), store, registry);
        return projector;
    }

    /** Runs the projector on its own thread until {@link #stopProjector} or {@link #close}. */
    public synchronized ProjectorProgress startProjector() {
        runner = projector.runner();
        runnerThread = new Thread(runner, "projector");
        runnerThread.setDaemon(true);
        runnerThread.start();
        return new ProjectorProgress(runner, projector.loops());
    }

    /** Stops the live projector and waits for its thread (a rebuild can then replay alone). */
    public synchronized void stopProjector() throws InterruptedException {
        if (runner != null) {
            runner.close();
            runnerThread.join(STOP_TIMEOUT.toMillis() * 3);
            runner = null;
        }
    }

    /**
     * Runs the API from {@link PlatformConfig#apiYaml()} with the standard extensions (commands, reads, the
     * projection admin routes over this projector) and {@code extra}; returns once it listens.
     */
    public Server startApi(List<ApiExtension> extra) throws Exception {
        StandardExtensions standard = StandardExtensions.over(store, config.projector().prefix(),
                config.processor().bootstrapServers(), registry, Clock.systemUTC());
        CompletableFuture<Server> started = new CompletableFuture<>();
        List<ApiExtension> all = new ArrayList<>(standard.all(projector));
        all.addAll(extra);
        all.add((cfg, environment, runtime) -> environment.lifecycle().addServerLifecycleListener(server -> {
            // Jetty's own shutdown hook would stop the API concurrently with close(), so its Kafka
            // clients could outlive the broker; close() stops it first instead.
            server.setStopAtShutdown(false);
            started.complete(server);
        }));
        new ControlPlaneApplication(all).run("server", config.apiYaml().toString());
        api = started.getNow(null);
        if (api == null) {
            throw new IllegalStateException("the API did not start from " + config.apiYaml());
        }
        return api;
    }

    /** The API's port: Dropwizard names it "application"; the admin connector is another, loopback-only one. */
    public static int applicationPort(Server server) {
        for (var connector : server.getConnectors()) {
            if (connector instanceof org.eclipse.jetty.server.NetworkConnector network
                    && "application".equals(network.getName())) {
                return network.getLocalPort();
            }
        }
        throw new IllegalStateException("the API server has no application connector");
    }

    public ProcessorService processors() {
        return processors;
    }

    public ProjectorComponents projector() {
        return projector;
    }

    public PlatformConfig config() {
        return config;
    }

    /** API, projector, processors, store: each is stopped even if one before it fails. */
    @Override
    public void close() {
        stop("the API", () -> {
            if (api != null) {
                api.stop();
            }
        });
        stop("the projector", this::stopProjector);
        stop("the processors", this::stopProcessors);
        stop("the projection store", () -> {
            if (store != null) {
                store.close();
            }
        });
    }

    private static void stop(String what, AutoCloseable step) {
        try {
            step.close();
        } catch (Exception e) {
            // Logged, not rethrown: this runs at shutdown, where stopping the remaining services (and
            // so releasing the broker's clients and the store's file) matters more than the failure.
            LOG.warn("stopping {} failed", what, e);
        }
    }
}
