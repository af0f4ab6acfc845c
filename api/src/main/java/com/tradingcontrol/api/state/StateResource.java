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
import java.time.Instant;

/** {@code GET /api/state?asOf=<ISO-8601>}: control, config and profile state at an instant, from the event log. */
@Path("/api/state")
@Produces(MediaType.APPLICATION_JSON)
public final class StateResource {

    private final StateAsOf stateAsOf;
    private final ConfigCatalogue catalogue;

    public StateResource(StateAsOf stateAsOf, ConfigCatalogue catalogue) {
        this.stateAsOf = stateAsOf;
        this.catalogue = catalogue;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public StateViews.State state(@QueryParam("asOf") String asOf) {
        Instant at = QueryParams.requiredInstant("asOf", asOf);
        StateAsOf.Result result = stateAsOf.at(at);
        return StateViews.of(at, result.states().values(), catalogue, result.replayedEvents());
    }
}
