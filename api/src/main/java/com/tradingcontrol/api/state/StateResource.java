package com.tradingcontrol.api.state;

import com.tradingcontrol.api.auth.Roles;
import com.tradingcontrol.api.reads.QueryParams;
import com.tradingcontrol.domain.config.ConfigCatalogue;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/**
 * {@code GET /api/state?asOf=<ISO-8601>}: control, config and profile state at an instant, from the event log.
 * When events that may have occurred by then could not be folded, the answer says so: {@code "complete": false}
 * with {@code skippedEvents}, and {@value #COMPLETENESS}: {@code incomplete} (else {@code complete}).
 */
@Path("/api/state")
@Produces(MediaType.APPLICATION_JSON)
public final class StateResource {
    /** The header that says whether the answer folded every event it should have. */
    public static final String COMPLETENESS = "Read-Completeness";

    private final StateAsOf stateAsOf;
    private final ConfigCatalogue catalogue;

    public StateResource(StateAsOf stateAsOf, ConfigCatalogue catalogue) {
        this.stateAsOf = stateAsOf;
        this.catalogue = catalogue;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public Response state(@QueryParam("asOf") String asOf) {
        Instant at = QueryParams.requiredInstant("asOf", asOf);
        StateAsOf.Result result = stateAsOf.at(at);
        StateViews.State body = StateViews.of(at, result.states().values(), catalogue, result.replayedEvents(),
                result.skippedEvents());
        return Response.ok(body).header(COMPLETENESS, result.complete() ? "complete" : "incomplete").build();
    }
}
