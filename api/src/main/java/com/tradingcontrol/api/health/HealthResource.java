package com.tradingcontrol.api.health;

import com.tradingcontrol.api.errors.Problem;
import com.tradingcontrol.api.errors.ProblemCode;
import com.tradingcontrol.api.errors.Problems;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Liveness and readiness on the application port, unauthenticated (load balancers and orchestrators
 * call them): no {@code @RolesAllowed}/{@code @PermitAll}, which would make dropwizard-auth demand a token.
 */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {
    private final ReadinessRegistry readiness;

    public HealthResource(ReadinessRegistry readiness) {
        this.readiness = readiness;
    }

    @GET
    @Path("/live")
    public Map<String, String> live() {
        return Map.of("status", "UP");
    }

    /** 200 when every check is up; otherwise 503 as a problem document that still lists every check. */
    @GET
    @Path("/ready")
    public Response ready() {
        Map<String, ReadinessStatus> results = readiness.evaluate();
        Map<String, Object> checks = new LinkedHashMap<>();
        results.forEach((name, status) -> checks.put(name, describe(status)));
        List<String> down = results.entrySet().stream().filter(e -> !e.getValue().ready()).map(Map.Entry::getKey).toList();
        if (down.isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "UP");
            body.put("checks", checks);
            return Response.ok(body).build();
        }
        Problem problem = Problems.of(ProblemCode.NOT_READY, 503, "Not ready: " + String.join(", ", down),
                Map.of("checks", checks));
        return Problems.response(problem);
    }

    private static Map<String, Object> describe(ReadinessStatus status) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("status", status.ready() ? "UP" : "DOWN");
        if (status.detail() != null) {
            entry.put("detail", status.detail());
        }
        return entry;
    }
}
