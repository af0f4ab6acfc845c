package com.tradingcontrol.api.commands;

import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.auth.Roles;
import com.tradingcontrol.api.ports.CommandPayload;
import com.tradingcontrol.api.requestid.RequestId;
import com.tradingcontrol.domain.AggregateIds;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /api/profiles}, {@code POST /api/profiles/{id}/enable|disable}. Customers act on their
 * own tenant (from the token); staff name the tenant. The aggregate id contains the tenant, so no
 * answer to a customer can depend on another tenant's profiles.
 */
@Path("/api/profiles")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public final class ProfileCommands {
    private final CommandEndpoint endpoint;

    public ProfileCommands(CommandEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.CUSTOMER})
    public CompletionStage<Response> create(@Auth Caller caller, @Context RequestId requestId, @BeanParam CommandHeaders headers,
                           CommandBodies.CreateProfile body) {
        CommandInputs.requireBody(body);
        String tenant = CommandInputs.profileTenant(caller, body.tenantId());
        String profileId = CommandInputs.identifier("profileId", body.profileId());
        if (body.name() == null || body.name().isBlank()) {
            throw CommandInputs.invalid("name is required and must not be blank");
        }
        var payload = new CommandPayload.CreateProfile(profileId, tenant, body.name());
        return endpoint.submit(headers, requestId, caller, AggregateIds.profile(tenant, profileId), payload, null);
    }

    @POST
    @Path("/{id}/enable")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.CUSTOMER})
    public CompletionStage<Response> enable(@Auth Caller caller, @Context RequestId requestId, @BeanParam CommandHeaders headers,
                           @PathParam("id") String id, CommandBodies.ProfileToggle body) {
        return toggle(caller, requestId, headers, id, body, true);
    }

    @POST
    @Path("/{id}/disable")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.CUSTOMER})
    public CompletionStage<Response> disable(@Auth Caller caller, @Context RequestId requestId, @BeanParam CommandHeaders headers,
                            @PathParam("id") String id, CommandBodies.ProfileToggle body) {
        return toggle(caller, requestId, headers, id, body, false);
    }

    private CompletionStage<Response> toggle(Caller caller, RequestId requestId, CommandHeaders headers, String id,
                            CommandBodies.ProfileToggle body, boolean enable) {
        String tenant = CommandInputs.profileTenant(caller, body == null ? null : body.tenantId());
        String profileId = CommandInputs.identifier("profileId", id);
        String reason = CommandInputs.requireReason(body == null ? null : body.reason());
        CommandPayload payload = enable ? new CommandPayload.EnableProfile(profileId, tenant, reason)
                : new CommandPayload.DisableProfile(profileId, tenant, reason);
        return endpoint.submit(headers, requestId, caller, AggregateIds.profile(tenant, profileId), payload, null);
    }
}
