package com.tradingcontrol.api.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.auth.Roles;
import com.tradingcontrol.api.ports.CommandPayload;
import com.tradingcontrol.api.requestid.RequestId;
import com.tradingcontrol.processors.domain.AggregateIds;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;

/**
 * {@code PUT /api/config/{key}} with {@code If-Match} as the expected version. Operators get through
 * to the processors, which know each key's roles and answer 403 FORBIDDEN where they may not.
 */
@Path("/api/config")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public final class ConfigCommands {
    private final CommandEndpoint endpoint;

    public ConfigCommands(CommandEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @PUT
    @Path("/{key}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public CompletionStage<Response> update(@Auth Caller caller, @Context RequestId requestId, @BeanParam CommandHeaders headers,
                           @PathParam("key") String key, @HeaderParam("If-Match") String ifMatch,
                           CommandBodies.ConfigChange body) {
        CommandInputs.requireBody(body);
        Object value = value(body.value());
        Long expectedVersion = CommandInputs.expectedVersion(ifMatch);
        var payload = new CommandPayload.UpdateConfig(key, value, CommandInputs.requireReason(body.reason()));
        return endpoint.submit(headers, requestId, caller, AggregateIds.config(key), payload, expectedVersion);
    }

    /** JSON type -> the Avro union branch: true/false, integral -> long, other numbers -> double, text. */
    static Object value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw CommandInputs.invalid("value is required");
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            if (!node.canConvertToLong()) {
                throw CommandInputs.invalid("value is out of range for a 64-bit integer");
            }
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        throw CommandInputs.invalid("value must be a boolean, number or string");
    }
}
