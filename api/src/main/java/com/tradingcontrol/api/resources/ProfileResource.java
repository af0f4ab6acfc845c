package com.tradingcontrol.api.resources;

import com.tradingcontrol.api.auth.Caller;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /api/me/profile}: who the token says the caller is. */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
public final class ProfileResource {

    public record Profile(String subject, String tenantId, List<String> roles) {}

    @GET
    @Path("/profile")
    public Profile profile(@Auth Caller caller) {
        return new Profile(caller.subject(), caller.tenantId(), caller.roles().stream().sorted().toList());
    }
}
