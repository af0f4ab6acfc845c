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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /api/admin/projections/rebuild} and {@code GET /api/admin/drift-check}. */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
public final class ProjectionAdminResource {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionAdminResource.class);

    private final ProjectionAdmin admin;
    private final ExecutorService executor;
    private final AtomicReference<String> running = new AtomicReference<>();

    public ProjectionAdminResource(ProjectionAdmin admin, ExecutorService executor) {
        this.admin = admin;
        this.executor = executor;
    }

    /** Starts a rebuild in the background; one at a time. */
    @POST
    @Path("/projections/rebuild")
    @RolesAllowed(Roles.ADMIN)
    public Response rebuild(@Auth Caller caller) {
        String rebuildId = UUID.randomUUID().toString();
        if (!running.compareAndSet(null, rebuildId)) {
            throw new ApiException(ProblemCode.CONFLICT, "a rebuild is already running (" + running.get() + ")");
        }
        int from = admin.activeVersion();
        LOG.info("rebuild {} requested by {} (active version {})", rebuildId, caller.subject(), from);
        executor.submit(() -> runRebuild(rebuildId));
        return Response.accepted(Map.of("rebuildId", rebuildId, "version", from + 1, "status", "RUNNING")).build();
    }

    private void runRebuild(String rebuildId) {
        try {
            var result = admin.rebuild();
            LOG.info("rebuild {} done: v{} -> v{}, {} documents", rebuildId, result.previousVersion(),
                    result.newVersion(), result.documentsWritten());
        } catch (RuntimeException e) {
            LOG.error("rebuild {} failed", rebuildId, e);
        } finally {
            running.set(null);
        }
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
