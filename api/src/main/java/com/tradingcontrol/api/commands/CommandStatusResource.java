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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * {@code GET /api/commands/{id}}: the outcome, PENDING while undecided, 404 when unknown or not the caller's.
 * A PENDING answer says {@code "complete": false} with {@code skippedOutcomes} once this instance's outcome
 * follower skipped records: the outcome may be one of them, so PENDING may never change here.
 */
@Path("/api/commands")
@Produces(MediaType.APPLICATION_JSON)
public final class CommandStatusResource {
    private final OutcomeTracker tracker;
    private final LongSupplier skippedOutcomes;

    /** @param skippedOutcomes records of {@code trading.outcomes} this instance could not decode or apply */
    public CommandStatusResource(OutcomeTracker tracker, LongSupplier skippedOutcomes) {
        this.tracker = tracker;
        this.skippedOutcomes = skippedOutcomes;
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
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("commandId", pending.commandId());
            body.put("status", "PENDING");
            long skipped = skippedOutcomes.getAsLong();
            if (skipped > 0) {
                body.put("complete", false);
                body.put("skippedOutcomes", skipped);
            }
            return body;
        }
        throw new ApiException(ProblemCode.NOT_FOUND, "No command with this id is known here.");
    }
}
