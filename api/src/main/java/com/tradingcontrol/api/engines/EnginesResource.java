package com.tradingcontrol.api.engines;

import com.tradingcontrol.api.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /api/engines}: staff only (engines are fleet-wide). */
@Path("/api/engines")
@Produces(MediaType.APPLICATION_JSON)
public final class EnginesResource {
    private final EnginesMonitor monitor;
    private final EnginesConfig config;

    public EnginesResource(EnginesMonitor monitor, EnginesConfig config) {
        this.monitor = monitor;
        this.config = config;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    public Map<String, Object> engines() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("heartbeatTimeoutMillis", config.getHeartbeatTimeout().toMilliseconds());
        body.put("propagationSloMillis", config.getPropagationSlo().toMilliseconds());
        body.put("engines", EngineViews.engines(monitor.engines()));
        EngineFlags flags = monitor.flags();
        body.put("stale", flags.stale());
        body.put("missedHalts", flags.missedHalts());
        return body;
    }
}
