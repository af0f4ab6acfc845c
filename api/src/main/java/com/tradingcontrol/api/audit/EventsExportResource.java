package com.tradingcontrol.api.audit;

import com.tradingcontrol.api.auth.Roles;
import com.tradingcontrol.api.reads.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;

/** {@code GET /api/admin/events?from&to}: the event log as NDJSON, streamed. */
@Path("/api/admin/events")
public final class EventsExportResource {

    public static final String NDJSON = "application/x-ndjson";

    private final EventsExport export;

    public EventsExportResource(EventsExport export) {
        this.export = export;
    }

    @GET
    @Produces({NDJSON, "application/json", "application/problem+json"})
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public Response events(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant fromAt = QueryParams.instant("from", from);
        Instant toAt = QueryParams.instant("to", to);
        QueryParams.requireOrdered(fromAt, toAt);
        StreamingOutput body = out -> export.write(fromAt, toAt, out);
        return Response.ok(body, NDJSON).build();
    }
}
