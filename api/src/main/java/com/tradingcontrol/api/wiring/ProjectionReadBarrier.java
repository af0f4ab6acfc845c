package com.tradingcontrol.api.wiring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.api.ports.ReadBarrier;
import com.tradingcontrol.domain.AggregateIds;
import com.tradingcontrol.projections.rebuild.ActiveProjection;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Read-your-writes for the reads served from the projection store ({@code GET /api/trading-control},
 * {@code /api/config}, {@code /api/profiles}): the version of the aggregate's document. It is polled,
 * because the store offers no change notification; polls are single-document reads and happen only
 * while a waited command is being answered.
 */
public final class ProjectionReadBarrier implements ReadBarrier {
    /** The version of an aggregate's document, empty when there is none (yet) or the id is not covered. */
    private final Function<String, OptionalLong> versions;

    public ProjectionReadBarrier(Function<String, OptionalLong> versions) {
        this.versions = versions;
    }

    public static ProjectionReadBarrier of(ActiveProjection projection) {
        return new ProjectionReadBarrier(aggregateId -> version(document(projection, aggregateId)));
    }

    /** Config, profile and trading-control aggregates all have a projected document. */
    @Override
    public boolean covers(String aggregateId) {
        return aggregateId != null;
    }

    /** One single-document read; the waiting and polling live in {@code ReadYourWrites}. */
    @Override
    public long currentVersion(String aggregateId) {
        return versions.apply(aggregateId).orElse(0);
    }

    private static Optional<ObjectNode> document(ActiveProjection projection, String aggregateId) {
        if (aggregateId.startsWith(AggregateIds.CONFIG_PREFIX)) {
            return projection.config(aggregateId.substring(AggregateIds.CONFIG_PREFIX.length()));
        }
        if (aggregateId.startsWith(AggregateIds.PROFILE_PREFIX)) {
            String rest = aggregateId.substring(AggregateIds.PROFILE_PREFIX.length());
            int colon = rest.indexOf(':');
            return colon < 0 ? Optional.empty() : projection.profile(rest.substring(0, colon), rest.substring(colon + 1));
        }
        return projection.controlScope(aggregateId);
    }

    private static OptionalLong version(Optional<ObjectNode> document) {
        return document.filter(d -> d.hasNonNull("version")).map(d -> OptionalLong.of(d.get("version").asLong()))
                .orElse(OptionalLong.empty());
    }
}
