package com.tradingcontrol.api.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.api.auth.Roles;
import com.tradingcontrol.api.errors.ApiException;
import com.tradingcontrol.api.errors.ProblemCode;
import com.tradingcontrol.api.reads.DocumentViews;
import com.tradingcontrol.api.reads.QueryParams;
import com.tradingcontrol.projections.rebuild.ActiveProjection;
import com.tradingcontrol.projections.rebuild.AuditQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /api/admin/audit}: searches the projected {@code audit-events} container, newest first,
 * one page at a time. {@code scope} filters on the audited aggregate id ({@code global},
 * {@code tenant:u1}, {@code config:<key>}, ...).
 */
@Path("/api/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditSearchResource {

    public record AuditPage(List<ObjectNode> items, String continuation) {}

    static final int DEFAULT_PAGE_SIZE = 50;
    private static final Set<String> OUTCOMES = Set.of("ACCEPTED", "REJECTED");

    private final ActiveProjection projection;
    private final ContinuationSeal seal;

    public AuditSearchResource(ActiveProjection projection, ContinuationSeal seal) {
        this.projection = projection;
        this.seal = seal;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @SuppressWarnings("checkstyle:ParameterNumber") // one parameter per documented filter
    public AuditPage search(@QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("actor") String actor, @QueryParam("action") String action,
                            @QueryParam("outcome") String outcome, @QueryParam("scope") String scope,
                            @QueryParam("requestId") String requestId, @QueryParam("pageSize") Integer pageSize,
                            @QueryParam("continuation") String continuation) {
        Instant fromAt = QueryParams.instant("from", from);
        Instant toAt = QueryParams.instant("to", to);
        QueryParams.requireOrdered(fromAt, toAt);
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            throw new ApiException(ProblemCode.VALIDATION_FAILED, "outcome must be ACCEPTED or REJECTED, got '" + outcome + "'");
        }
        int size = QueryParams.intInRange("pageSize", pageSize, DEFAULT_PAGE_SIZE, 1, 1000);
        AuditQuery query = AuditQuery.all()
                .between(fromAt == null ? null : fromAt.toEpochMilli(), toAt == null ? null : toAt.toEpochMilli())
                .byActor(blankToNull(actor)).withAction(blankToNull(action)).withOutcome(blankToNull(outcome))
                .forAggregate(blankToNull(scope)).forRequest(blankToNull(requestId))
                .page(size, null);
        String filters = filters(query);
        query = query.page(size, seal.open(blankToNull(continuation), filters));
        ActiveProjection.ResultPage page = run(query);
        return new AuditPage(page.items().stream().map(DocumentViews::view).toList(), seal.seal(page.continuation(), filters));
    }

    /**
     * The query's filters and page size, unambiguously (each value length-prefixed): a continuation is
     * sealed with them, so it pages this query only.
     */
    private static String filters(AuditQuery query) {
        StringBuilder text = new StringBuilder();
        for (Object value : new Object[] {query.fromMillis(), query.toMillis(), query.actorSubject(), query.action(),
                query.outcome(), query.aggregateId(), query.requestId(), query.pageSize()}) {
            String part = String.valueOf(value);
            text.append(value == null ? -1 : part.length()).append(':').append(part).append(';');
        }
        return text.toString();
    }

    private ActiveProjection.ResultPage run(AuditQuery query) {
        if (query.continuation() == null) {
            return projection.audit(query);
        }
        try {
            return projection.audit(query);
        } catch (IllegalArgumentException badToken) {
            // Only a client-supplied token can be malformed here; the message names no internals.
            throw new ApiException(ProblemCode.VALIDATION_FAILED, "continuation is not a token from a previous page");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
