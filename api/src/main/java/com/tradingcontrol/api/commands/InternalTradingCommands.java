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

/** {@code POST /internal/trading/pause}: the seed system's alias; scope defaults to {@code global}. */
@Path("/internal/trading")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public final class InternalTradingCommands {
    private final CommandEndpoint endpoint;

    public InternalTradingCommands(CommandEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @POST
    @Path("/pause")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public CompletionStage<Response> pause(@Auth Caller caller, @Context RequestId requestId, @BeanParam CommandHeaders headers,
                          CommandBodies.InternalPause body) {
        CommandInputs.requireBody(body);
        String scope = CommandInputs.scope(body.scope() == null ? "global" : body.scope());
        var payload = new CommandPayload.PauseTrading(scope, CommandInputs.requireReason(body.reason()), null);
        return endpoint.submit(headers, requestId, caller, scope, payload, null);
    }
}
