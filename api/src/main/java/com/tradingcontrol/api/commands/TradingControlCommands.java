package com.tradingcontrol.api.commands;

import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.auth.Roles;
import com.tradingcontrol.api.ports.CommandPayload;
import com.tradingcontrol.api.requestid.RequestId;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /api/trading-control/pause|resume|reduce-only|reduce-only/lift}. Shares its path with the
 * read side's {@code GET /api/trading-control}; Jersey merges resources with the same path. Lifting
 * reduce-only is a POST with a body, like resume, because it carries a required reason.
 */
@Path("/api/trading-control")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public final class TradingControlCommands {
    private final CommandEndpoint endpoint;

    public TradingControlCommands(CommandEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @POST
    @Path("/pause")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public CompletionStage<Response> pause(@Auth Caller caller, @Context RequestId requestId, @BeanParam CommandHeaders headers,
                          CommandBodies.Pause body) {
        CommandInputs.requireBody(body);
        String scope = CommandInputs.scope(body.scope());
        var payload = new CommandPayload.PauseTrading(scope, CommandInputs.requireReason(body.reason()),
                CommandInputs.expiresAt(body.expiresAt(), endpoint.now()));
        return endpoint.submit(headers, requestId, caller, scope, payload, null);
    }

    @POST
    @Path("/resume")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public CompletionStage<Response> resume(@Auth Caller caller, @Context RequestId requestId, @BeanParam CommandHeaders headers,
                           CommandBodies.Resume body) {
        CommandInputs.requireBody(body);
        String scope = CommandInputs.scope(body.scope());
        var payload = new CommandPayload.ResumeTrading(scope, CommandInputs.requireReason(body.reason()),
                CommandInputs.instant("proposalExpiresAt", body.proposalExpiresAt(), endpoint.now()));
        return endpoint.submit(headers, requestId, caller, scope, payload, null);
    }

    @POST
    @Path("/reduce-only")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public CompletionStage<Response> reduceOnly(@Auth Caller caller, @Context RequestId requestId,
                                                @BeanParam CommandHeaders headers, CommandBodies.ReduceOnly body) {
        CommandInputs.requireBody(body);
        String scope = CommandInputs.scope(body.scope());
        var payload = new CommandPayload.SetReduceOnly(scope, CommandInputs.requireReason(body.reason()),
                CommandInputs.expiresAt(body.expiresAt(), endpoint.now()));
        return endpoint.submit(headers, requestId, caller, scope, payload, null);
    }

    @POST
    @Path("/reduce-only/lift")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public CompletionStage<Response> liftReduceOnly(@Auth Caller caller, @Context RequestId requestId,
                                                    @BeanParam CommandHeaders headers, CommandBodies.LiftReduceOnly body) {
        CommandInputs.requireBody(body);
        String scope = CommandInputs.scope(body.scope());
        var payload = new CommandPayload.LiftReduceOnly(scope, CommandInputs.requireReason(body.reason()));
        return endpoint.submit(headers, requestId, caller, scope, payload, null);
    }
}
