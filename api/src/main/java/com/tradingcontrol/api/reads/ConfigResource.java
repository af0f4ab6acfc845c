package com.tradingcontrol.api.reads;

import com.tradingcontrol.api.auth.Roles;
import com.tradingcontrol.api.errors.ApiException;
import com.tradingcontrol.api.errors.ProblemCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code GET /api/config} and {@code GET /api/config/{key}} (with {@code ETag: "<version>"} for a later If-Match). */
@Path("/api/config")
@Produces(MediaType.APPLICATION_JSON)
public final class ConfigResource {

    public record ConfigList(int catalogueVersion, List<ConfigEntries.Entry> entries) {}

    private final ConfigEntries entries;

    public ConfigResource(ConfigEntries entries) {
        this.entries = entries;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    public ConfigList all() {
        return new ConfigList(entries.catalogueVersion(), entries.all());
    }

    @GET
    @Path("/{key}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    public Response one(@PathParam("key") String key) {
        ConfigEntries.Entry entry = entries.find(key)
                .orElseThrow(() -> new ApiException(ProblemCode.NOT_FOUND, "unknown config key '" + key + "'"));
        return Response.ok(entry).tag(new EntityTag(Long.toString(entry.version()))).build();
    }
}
