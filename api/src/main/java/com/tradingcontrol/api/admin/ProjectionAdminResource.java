package com.tradingcontrol.api.admin;

import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.auth.Roles;
import com.tradingcontrol.api.errors.ApiException;
import com.tradingcontrol.api.errors.ProblemCode;
import com.tradingcontrol.projections.drift.Difference;
import com.tradingcontrol.projections.drift.DriftReport;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * {@code POST /api/admin/projections/rebuild}, {@code GET /api/admin/projections/rebuild/{id}} and
 * {@code GET /api/admin/drift-check}.
 */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
public final class ProjectionAdminResource {
    static final String STATUS_PATH = "/api/admin/projections/rebuild/";

    private final ProjectionAdmin admin;
    private final RebuildJobs rebuilds;

    public ProjectionAdminResource(ProjectionAdmin admin, ExecutorService executor) {
        this.admin = admin;
        this.rebuilds = new RebuildJobs(admin, executor, Clock.systemUTC());
    }

    /** Starts a rebuild in the background; one at a time. */
    @POST
    @Path("/projections/rebuild")
    @RolesAllowed(Roles.ADMIN)
    public Response rebuild(@Auth Caller caller) {
        try {
            RebuildJobs.Status started = rebuilds.start(caller.subject());
            return Response.accepted(Map.of("rebuildId", started.rebuildId(), "version", started.toVersion(),
                    "status", started.state().name())).header("Location", STATUS_PATH + started.rebuildId()).build();
        } catch (RebuildJobs.Busy e) {
            throw new ApiException(ProblemCode.CONFLICT, e.getMessage());
        } catch (RebuildJobs.NotStarted e) {
            throw new ApiException(ProblemCode.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }

    /** What became of a rebuild: RUNNING, SUCCEEDED (with the versions) or FAILED (with the reason). */
    @GET
    @Path("/projections/rebuild/{rebuildId}")
    @RolesAllowed(Roles.ADMIN)
    public RebuildJobs.Status rebuildStatus(@Auth Caller caller, @PathParam("rebuildId") String rebuildId) {
        return rebuilds.status(rebuildId).orElseThrow(() -> new ApiException(ProblemCode.NOT_FOUND,
                "no rebuild " + rebuildId + " (only the last ones of this API instance are kept)"));
    }

    @GET
    @Path("/drift-check")
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public Map<String, Object> drift(@Auth Caller caller) {
        DriftReport report = admin.drift();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clean", report.clean());
        body.put("version", admin.activeVersion());
        body.put("checked", report.documentsCompared());
        body.put("recordsFolded", report.recordsFolded());
        body.put("differences", differences(report.differences()));
        return body;
    }

    private static List<Map<String, Object>> differences(List<Difference> differences) {
        return differences.stream().map(d -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("container", d.container());
            row.put("documentId", d.id());
            row.put("kind", d.kind().name());
            row.put("field", d.field());
            row.put("expected", d.expected());
            row.put("actual", d.actual());
            return row;
        }).toList();
    }
}
