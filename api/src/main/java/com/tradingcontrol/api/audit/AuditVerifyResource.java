package com.tradingcontrol.api.audit;

import com.tradingcontrol.api.auth.Roles;
import com.tradingcontrol.api.reads.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

/** {@code GET /api/audit/verify?from&to}: walks the hash chains and names the first broken link. */
@Path("/api/audit/verify")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditVerifyResource {

    private final AuditChainCheck check;

    public AuditVerifyResource(AuditChainCheck check) {
        this.check = check;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public AuditChainCheck.Result verify(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant fromAt = QueryParams.instant("from", from);
        Instant toAt = QueryParams.instant("to", to);
        QueryParams.requireOrdered(fromAt, toAt);
        return check.verify(fromAt, toAt);
    }
}
