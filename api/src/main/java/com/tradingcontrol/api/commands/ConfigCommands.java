package com.tradingcontrol.api.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.auth.Roles;
import com.tradingcontrol.api.errors.ApiException;
import com.tradingcontrol.api.errors.ProblemCode;
import com.tradingcontrol.api.ports.CommandPayload;
import com.tradingcontrol.api.requestid.RequestId;
import com.tradingcontrol.domain.AggregateIds;
import com.tradingcontrol.domain.config.ConfigCatalogue;
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
import java.util.Locale;

/**
 * {@code PUT /api/config/{key}} with {@code If-Match} as the expected version. The key's roles (from
 * the catalogue the processors use) are checked first: 403 before any validation of the body.
 */
@Path("/api/config")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public final class ConfigCommands {
    private final CommandEndpoint endpoint;
    private final ConfigCatalogue catalogue;

    /** @param catalogue the processors' catalogue: the key's roles are checked here before any validation */
    public ConfigCommands(CommandEndpoint endpoint, ConfigCatalogue catalogue) {
        this.endpoint = endpoint;
        this.catalogue = catalogue;
    }

    @PUT
    @Path("/{key}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public CompletionStage<Response> update(@Auth Caller caller, @Context RequestId requestId, @BeanParam CommandHeaders headers,
                           @PathParam("key") String key, @HeaderParam("If-Match") String ifMatch,
                           CommandBodies.ConfigChange body) {
        authorize(caller, key);
        CommandInputs.requireBody(body);
        Object value = value(body.value());
        Long expectedVersion = CommandInputs.expectedVersion(ifMatch);
        var payload = new CommandPayload.UpdateConfig(key, value, CommandInputs.requireReason(body.reason()));
        return endpoint.submit(headers, requestId, caller, AggregateIds.config(key), payload, expectedVersion);
    }

    /**
     * Authorize before validate: a caller whose roles may not change a known key learns 403, not
     * whether its body would have been valid. The processors check again (they are the authority).
     */
    private void authorize(Caller caller, String key) {
        catalogue.find(key).ifPresent(definition -> {
            boolean allowed = definition.changeRoles().stream()
                    .anyMatch(role -> caller.hasRole(role.name().toLowerCase(Locale.ROOT)));
            if (!allowed) {
                throw new ApiException(ProblemCode.FORBIDDEN, "Your roles may not change " + key + ".");
            }
        });
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
