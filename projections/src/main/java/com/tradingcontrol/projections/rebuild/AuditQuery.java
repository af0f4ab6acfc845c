package com.tradingcontrol.projections.rebuild;

import com.tradingcontrol.projections.store.Filter;
import com.tradingcontrol.projections.store.OrderBy;
import com.tradingcontrol.projections.store.Query;

/**
 * A search of {@code audit-events}; every criterion is optional (null = any). Results are ordered by
 * {@code occurredAt}, newest first unless {@code oldestFirst}.
 *
 * @param productId  the tenant ({@code tenantId}), or {@code platform}; null searches across partitions.
 *                   Named after the audit documents' field, the container's partition key {@code /productId}
 * @param fromMillis inclusive lower bound of {@code occurredAt} (epoch ms)
 * @param toMillis   inclusive upper bound of {@code occurredAt} (epoch ms)
 * @param outcome    ACCEPTED or REJECTED
 * @param continuation from the previous {@link ActiveProjection.ResultPage}; null for the first page
 */
public record AuditQuery(String productId, Long fromMillis, Long toMillis, String actorSubject, String action,
                         String outcome, String aggregateId, String requestId, boolean oldestFirst, int pageSize,
                         String continuation) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null, null, null, false, Query.DEFAULT_PAGE_SIZE, null);
    }

    /** Records of one tenant ({@code platform} for platform-wide ones): the {@code productId} partition. */
    public AuditQuery forTenant(String tenantId) {
        return new AuditQuery(tenantId, fromMillis, toMillis, actorSubject, action, outcome, aggregateId, requestId, oldestFirst, pageSize, continuation);
    }

    public AuditQuery between(Long from, Long to) {
        return new AuditQuery(productId, from, to, actorSubject, action, outcome, aggregateId, requestId, oldestFirst, pageSize, continuation);
    }

    public AuditQuery byActor(String subject) {
        return new AuditQuery(productId, fromMillis, toMillis, subject, action, outcome, aggregateId, requestId, oldestFirst, pageSize, continuation);
    }

    public AuditQuery withAction(String value) {
        return new AuditQuery(productId, fromMillis, toMillis, actorSubject, value, outcome, aggregateId, requestId, oldestFirst, pageSize, continuation);
    }

    public AuditQuery withOutcome(String value) {
        return new AuditQuery(productId, fromMillis, toMillis, actorSubject, action, value, aggregateId, requestId, oldestFirst, pageSize, continuation);
    }

    public AuditQuery forAggregate(String value) {
        return new AuditQuery(productId, fromMillis, toMillis, actorSubject, action, outcome, value, requestId, oldestFirst, pageSize, continuation);
    }

    public AuditQuery forRequest(String value) {
        return new AuditQuery(productId, fromMillis, toMillis, actorSubject, action, outcome, aggregateId, value, oldestFirst, pageSize, continuation);
    }

    public AuditQuery oldestFirst(boolean value) {
        return new AuditQuery(productId, fromMillis, toMillis, actorSubject, action, outcome, aggregateId, requestId, value, pageSize, continuation);
    }

    public AuditQuery page(int size, String token) {
        return new AuditQuery(productId, fromMillis, toMillis, actorSubject, action, outcome, aggregateId, requestId, oldestFirst, size, token);
    }

    /** The store query (without the continuation, which {@link ActiveProjection} translates). */
    Query toStoreQuery() {
        Query q = productId == null ? Query.crossPartition() : Query.inPartition(productId);
        if (fromMillis != null) {
            q = q.where(Filter.gte("occurredAt", fromMillis));
        }
        if (toMillis != null) {
            q = q.where(Filter.lte("occurredAt", toMillis));
        }
        q = eq(q, "actor.subject", actorSubject);
        q = eq(q, "action", action);
        q = eq(q, "outcome", outcome);
        q = eq(q, "aggregateId", aggregateId);
        q = eq(q, "requestId", requestId);
        return q.orderBy(oldestFirst ? OrderBy.asc("occurredAt") : OrderBy.desc("occurredAt")).pageSize(pageSize);
    }

    private static Query eq(Query q, String field, String value) {
        return value == null ? q : q.where(Filter.eq(field, value));
    }
}
