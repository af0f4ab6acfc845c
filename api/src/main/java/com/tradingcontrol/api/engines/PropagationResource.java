package com.tradingcontrol.api.engines;

import com.tradingcontrol.api.auth.Roles;
import com.tradingcontrol.api.errors.ApiException;
import com.tradingcontrol.api.errors.ProblemCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/commands/{id}/propagation}: staff only. Under the same root path as the command status
 * resource, which Jersey merges with it (a class at {@code /api} would never be reached for this path).
 */
@Path("/api/commands")
@Produces(MediaType.APPLICATION_JSON)
public final class PropagationResource {
    private final EnginesMonitor monitor;

    public PropagationResource(EnginesMonitor monitor) {
        this.monitor = monitor;
    }

    @GET
    @Path("/{id}/propagation")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    public Object propagation(@PathParam("id") String commandId) {
        // The fold first (it is current); then the evidence kept of halts older than the API's window.
        return monitor.propagation(commandId).<Object>map(EngineViews::propagation)
                .or(() -> monitor.evidence(commandId)).orElseThrow(() -> new ApiException(
                        ProblemCode.NOT_FOUND, "No halt, decision or engine report names this command here."));
    }
}
