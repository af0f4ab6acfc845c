package com.tradingcontrol.api.support;

import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.requestid.RequestId;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.slf4j.MDC;

/** Resources that exist only in tests, to exercise roles, bodies and failures of the shell. */
@Path("/test")
@Produces(MediaType.APPLICATION_JSON)
public class TestResource {

    public record EchoBody(@NotBlank String name, @Max(10) int count) {}

    @GET
    @Path("/admin-only")
    @RolesAllowed("admin")
    public Map<String, String> adminOnly(@Auth Caller caller) {
        return Map.of("subject", caller.subject());
    }

    @POST
    @Path("/echo")
    @Consumes(MediaType.APPLICATION_JSON)
    public EchoBody echo(@Valid EchoBody body) {
        return body;
    }

    @GET
    @Path("/request-id")
    public Map<String, String> requestId(@Context RequestId requestId) {
        return Map.of("injected", requestId.value(), "mdc", MDC.get("requestId"));
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("secret internal detail in com.tradingcontrol.Secret");
    }
}
