package com.tradingcontrol.api.commands;

import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.auth.Roles;
import com.tradingcontrol.api.ports.CommandPayload;
import com.tradingcontrol.api.requestid.RequestId;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * {@code POST|DELETE /api/kill-switch}, the release proposal's {@code /api/kill-switch/release[/approve|/reject]}
 * and {@code PUT /api/maintenance}: the platform-wide controls, all on the {@code global} aggregate.
 * Stopping is easy (operators engage), starting is guarded: releasing takes two admins, one who
 * proposes and a different one who approves (the processors enforce it; see docs/security.md).
 */
@Path("/api")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public final class GlobalControlCommands {
    private static final String GLOBAL = "global";
    private static final String RELEASE = "KILL_SWITCH_RELEASE";
    private final CommandEndpoint endpoint;

    public GlobalControlCommands(CommandEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @POST
    @Path("/kill-switch")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public CompletionStage<Response> engage(@Auth Caller caller, @Context RequestId requestId, @BeanParam CommandHeaders headers,
                           CommandBodies.Reason body) {
        String reason = CommandInputs.requireReason(CommandInputs.requireBody(body).reason());
        return endpoint.submit(headers, requestId, caller, GLOBAL, new CommandPayload.EngageKillSwitch(reason), null);
    }

    /**
     * Proposes the release, as {@link #propose} does (kept for existing clients; the kill switch stays
     * engaged until a second admin approves). The reason comes from the body or, since some clients
     * cannot send a DELETE body, from {@code ?reason=}.
     */
    @DELETE
    @Path("/kill-switch")
    @RolesAllowed(Roles.ADMIN)
    public CompletionStage<Response> release(@Auth Caller caller, @Context RequestId requestId, @BeanParam CommandHeaders headers,
                            @QueryParam("reason") String reasonParam, CommandBodies.Reason body) {
        String reason = CommandInputs.requireReason(body != null && body.reason() != null ? body.reason() : reasonParam);
        return endpoint.submit(headers, requestId, caller, GLOBAL, new CommandPayload.ReleaseKillSwitch(reason), null);
    }

    @POST
    @Path("/kill-switch/release")
    @RolesAllowed(Roles.ADMIN)
    public CompletionStage<Response> propose(@Auth Caller caller, @Context RequestId requestId,
                                             @BeanParam CommandHeaders headers, CommandBodies.ReleaseProposal body) {
        CommandInputs.requireBody(body);
        var payload = new CommandPayload.ReleaseKillSwitch(CommandInputs.requireReason(body.reason()),
                CommandInputs.expiresAt(body.expiresAt(), endpoint.now()));
        return endpoint.submit(headers, requestId, caller, GLOBAL, payload, null);
    }

    @POST
    @Path("/kill-switch/release/approve")
    @RolesAllowed(Roles.ADMIN)
    public CompletionStage<Response> approve(@Auth Caller caller, @Context RequestId requestId,
                                             @BeanParam CommandHeaders headers, CommandBodies.Reason body) {
        return withReason(caller, requestId, headers, body, r -> new CommandPayload.ApproveProposal(RELEASE, r));
    }

    @POST
    @Path("/kill-switch/release/reject")
    @RolesAllowed(Roles.ADMIN)
    public CompletionStage<Response> reject(@Auth Caller caller, @Context RequestId requestId,
                                            @BeanParam CommandHeaders headers, CommandBodies.Reason body) {
        return withReason(caller, requestId, headers, body, r -> new CommandPayload.RejectProposal(RELEASE, r));
    }

    private CompletionStage<Response> withReason(Caller caller, RequestId requestId, CommandHeaders headers,
                                                 CommandBodies.Reason body, Function<String, CommandPayload> payload) {
        String reason = CommandInputs.requireReason(CommandInputs.requireBody(body).reason());
        return endpoint.submit(headers, requestId, caller, GLOBAL, payload.apply(reason), null);
    }

    @PUT
    @Path("/maintenance")
    @RolesAllowed(Roles.ADMIN)
    public CompletionStage<Response> maintenance(@Auth Caller caller, @Context RequestId requestId, @BeanParam CommandHeaders headers,
                                CommandBodies.Maintenance body) {
        CommandInputs.requireBody(body);
        if (body.on() == null) {
            throw CommandInputs.invalid("on is required (true or false)");
        }
        var payload = new CommandPayload.SetMaintenanceMode(body.on(), body.message(),
                CommandInputs.requireReason(body.reason()),
                CommandInputs.instant("proposalExpiresAt", body.proposalExpiresAt(), endpoint.now()));
        return endpoint.submit(headers, requestId, caller, GLOBAL, payload, null);
    }
}
