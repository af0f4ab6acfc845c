package com.tradingcontrol.api.commands;

import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.auth.Roles;
import com.tradingcontrol.api.errors.ApiException;
import com.tradingcontrol.api.errors.ProblemCode;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** {@code GET /api/commands/{id}}: the outcome, PENDING while undecided, 404 when unknown or not the caller's. */
@Path("/api/commands")
@Produces(MediaType.APPLICATION_JSON)
public final class CommandStatusResource {
    private final OutcomeTracker tracker;

    public CommandStatusResource(OutcomeTracker tracker) {
        this.tracker = tracker;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.CUSTOMER, Roles.AUDITOR})
    public Map<String, Object> status(@Auth Caller caller, @PathParam("id") String id) {
        OutcomeTracker.Status status = tracker.statusFor(id, caller);
        if (status instanceof OutcomeTracker.Status.Decided decided) {
            return CommandResponses.body(decided.outcome());
        }
        if (status instanceof OutcomeTracker.Status.Pending pending) {
            return Map.of("commandId", pending.commandId(), "status", "PENDING");
        }
        throw new ApiException(ProblemCode.NOT_FOUND, "No command with this id is known here.");
    }
}
