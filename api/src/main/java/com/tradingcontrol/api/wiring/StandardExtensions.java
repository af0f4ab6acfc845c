package com.tradingcontrol.api.wiring;

import com.tradingcontrol.api.ApiExtension;
import com.tradingcontrol.api.engines.StoredPropagationEvidence;
import com.tradingcontrol.api.reads.LogSource;
import com.tradingcontrol.api.reads.ReadsExtension;
import com.tradingcontrol.projections.rebuild.ActiveProjection;
import com.tradingcontrol.projections.store.ProjectionStore;
import com.tradingcontrol.schemas.registry.SchemaRegistryClient;
import com.tradingcontrol.api.admin.ProjectionAdminExtension;
import com.tradingcontrol.api.admin.ProjectorAdmin;
import com.tradingcontrol.projections.service.ProjectorComponents;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The API as every deployment runs it: the command side, whose waited answers also wait for the
 * projection (read-your-writes), and the read side over the same active projection. One place, so
 * the standalone service, the local launcher and the bench cannot drift apart.
 */
public record StandardExtensions(ActiveProjection projection, ApiWiring wiring, ReadsExtension reads) {
    private static final Duration POINTER_CACHE = Duration.ofMillis(500);

    public static StandardExtensions over(ProjectionStore store, String containerPrefix, String kafkaBootstrap,
                                          SchemaRegistryClient registry, Clock clock) {
        ActiveProjection projection = new ActiveProjection(store, containerPrefix, POINTER_CACHE);
        ApiWiring wiring = new ApiWiring(registry, clock, List.of(ProjectionReadBarrier.of(projection)))
                .keepingPropagationIn(new StoredPropagationEvidence(store, containerPrefix));
        ReadsExtension reads = new ReadsExtension(projection, LogSource.standard(kafkaBootstrap, registry), clock);
        return new StandardExtensions(projection, wiring, reads);
    }

    /** The projection admin routes (drift check, rebuild and its status) over {@code projector}: one assembly for every host. */
    public ApiExtension admin(ProjectorComponents projector) {
        return new ProjectionAdminExtension(new ProjectorAdmin(projector, projection));
    }

    /** Commands, reads and the projection admin routes over {@code projector}: the API as ApiMain and the launcher run it. */
    public List<ApiExtension> all(ProjectorComponents projector) {
        return List.of(wiring, reads, admin(projector));
    }
}
