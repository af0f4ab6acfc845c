package com.tradingcontrol.api.reads;

import com.tradingcontrol.api.ApiExtension;
import com.tradingcontrol.api.ApiRuntime;
import com.tradingcontrol.api.ControlPlaneConfiguration;
import com.tradingcontrol.api.audit.AuditChainCheck;
import com.tradingcontrol.api.audit.AuditSearchResource;
import com.tradingcontrol.api.audit.ContinuationSeal;
import com.tradingcontrol.api.audit.AuditVerifyResource;
import com.tradingcontrol.api.audit.EventsExport;
import com.tradingcontrol.api.audit.EventsExportResource;
import com.tradingcontrol.api.openapi.OpenApiResource;
import com.tradingcontrol.api.state.EventLogIndex;
import com.tradingcontrol.api.state.StateAsOf;
import com.tradingcontrol.api.state.StateResource;
import com.tradingcontrol.domain.config.ConfigCatalogue;
import com.tradingcontrol.domain.config.ConfigCatalogueLoader;
import com.tradingcontrol.projections.rebuild.ActiveProjection;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.util.Objects;

/**
 * The read side of the API as one extension: projection reads (feature flags, trading control,
 * effective mode, config, profiles, audit search), log reads (audit chain verification, events
 * export, state as of an instant) and the OpenAPI document.
 *
 * <p>Build it with the projection reader, the Kafka log access and a clock; it starts and stops its
 * {@link EventLogIndex} with the application.
 */
public final class ReadsExtension implements ApiExtension {

    /**
     * Default events between time-travel snapshots (raised automatically when there are more aggregates).
     * A query folds the events after its snapshot that occurred at or before its instant: a few times this
     * many when partitions were read out of step in time (as while the index catches up), so this sets
     * asOf latency; each snapshot copies one entry per aggregate, so memory stays linear in the log.
     */
    public static final int DEFAULT_SNAPSHOT_EVERY = 2_000;

    /**
     * Default heap for time-travel events held in memory (serialized, about 123 bytes per event in the
     * bench's log, so some 2M events). Queries about older events re-read them from Kafka instead.
     * Snapshots come on top: one state per aggregate every {@link #DEFAULT_SNAPSHOT_EVERY} events.
     */
    public static final long DEFAULT_TIME_TRAVEL_EVENT_BYTES = 256L * 1024 * 1024;

    private final ActiveProjection projection;
    private final LogSource log;
    private final Clock clock;
    private final ConfigCatalogue catalogue;
    private final int snapshotEvery;
    private final long timeTravelEventBytes;

    public ReadsExtension(ActiveProjection projection, LogSource log, Clock clock) {
        this(projection, log, clock, ConfigCatalogueLoader.loadDefault(), DEFAULT_SNAPSHOT_EVERY);
    }

    public ReadsExtension(ActiveProjection projection, LogSource log, Clock clock, ConfigCatalogue catalogue,
                          int snapshotEvery) {
        this(projection, log, clock, catalogue, snapshotEvery, DEFAULT_TIME_TRAVEL_EVENT_BYTES);
    }

    /** @param timeTravelEventBytes see {@link #DEFAULT_TIME_TRAVEL_EVENT_BYTES} */
    public ReadsExtension(ActiveProjection projection, LogSource log, Clock clock, ConfigCatalogue catalogue,
                          int snapshotEvery, long timeTravelEventBytes) {
        this.projection = Objects.requireNonNull(projection, "projection");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.snapshotEvery = snapshotEvery;
        this.timeTravelEventBytes = timeTravelEventBytes;
    }

    @Override
    public void register(ControlPlaneConfiguration configuration, Environment environment, ApiRuntime runtime) {
        ConfigEntries config = new ConfigEntries(projection, catalogue);
        EventLogIndex index = new EventLogIndex(log, snapshotEvery, timeTravelEventBytes, environment.metrics());
        registerGauges(environment, index);
        // DOWN when the index's thread stopped; its detail says what it skipped (docs/operations.md "Read paths").
        runtime.readiness().register(index.path().readinessCheck());
        environment.lifecycle().manage(new Managed() {
            @Override
            public void start() {
                index.start();
            }

            @Override
            public void stop() {
                index.close();
                log.close();
            }
        });
        var jersey = environment.jersey();
        jersey.register(new FeatureFlagsResource(config));
        jersey.register(new ConfigResource(config));
        jersey.register(new TradingControlResource(projection, clock));
        jersey.register(new ProfilesResource(projection));
        jersey.register(new AuditSearchResource(projection,
                ContinuationSeal.of(configuration.getAuth().getContinuationSecret())));
        jersey.register(new AuditVerifyResource(new AuditChainCheck(log)));
        jersey.register(new EventsExportResource(new EventsExport(log, environment.getObjectMapper())));
        jersey.register(new StateResource(new StateAsOf(index, log), catalogue));
        jersey.register(new OpenApiResource(jersey.getResourceConfig(), version()));
    }

    /** What the time-travel index holds, so its heap can be watched (the event bytes are capped, snapshots are not). */
    private static void registerGauges(Environment environment, EventLogIndex index) {
        var metrics = environment.metrics();
        metrics.registerGauge("timetravel.indexedEvents", index::indexedEvents);
        metrics.registerGauge("timetravel.snapshots", index::snapshotCount);
        metrics.registerGauge("timetravel.eventBytes", index::eventBytes);
    }

    private static String version() {
        String implementation = ReadsExtension.class.getPackage().getImplementationVersion();
        return implementation == null ? "dev" : implementation;
    }
}
