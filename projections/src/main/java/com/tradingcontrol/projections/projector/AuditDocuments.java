package com.tradingcontrol.projections.projector;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.schemas.avro.Actor;
import com.tradingcontrol.schemas.avro.AuditRecord;

/**
 * Maps an audit record to its insert-once document in {@code audit-events}: {@code id (= auditId),
 * productId, auditId, chainId, chainSequence, commandId, requestId, actor {subject, tenantId, roles},
 * action, aggregateId, outcome (ACCEPTED|REJECTED), code, reason, before, after, eventIds,
 * occurredAt (epoch ms), prevHash, hash, _position (= chainSequence)}.
 */
public final class AuditDocuments {

    /** The audit-events container's default TTL: 90 days, as the predecessor system kept them. */
    public static final int TTL_SECONDS = 90 * 24 * 60 * 60;

    private AuditDocuments() {
    }

    public static DocumentUpdate updateFor(AuditRecord record) {
        String id = DocumentIds.of(record.getAuditId());
        // Audit documents never change once written: the fold ignores any current body, and the
        // writer's position guard skips the record when a document with this id already exists.
        return new DocumentUpdate(ProjectionContainer.AUDIT_EVENTS, record.getProductId(), id,
                record.getChainSequence(), record.getAuditId(), current -> toDocument(id, record));
    }

    static ObjectNode toDocument(String id, AuditRecord r) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode doc = f.objectNode();
        doc.put("id", id).put("productId", r.getProductId()).put("auditId", r.getAuditId());
        doc.put("chainId", r.getChainId()).put("chainSequence", r.getChainSequence());
        doc.put("commandId", r.getCommandId()).put("requestId", r.getRequestId());
        doc.set("actor", actor(r.getActor()));
        doc.put("action", r.getAction()).put("aggregateId", r.getAggregateId());
        doc.put("outcome", r.getOutcome().name()).put("code", r.getCode()).put("reason", r.getReason());
        doc.put("before", r.getBefore()).put("after", r.getAfter());
        ArrayNode eventIds = doc.putArray("eventIds");
        r.getEventIds().forEach(eventIds::add);
        doc.put("occurredAt", r.getOccurredAt().toEpochMilli());
        doc.put("prevHash", r.getPrevHash()).put("hash", r.getHash());
        return doc;
    }

    private static ObjectNode actor(Actor actor) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("subject", actor.getSubject()).put("tenantId", actor.getTenantId());
        ArrayNode roles = node.putArray("roles");
        actor.getRoles().forEach(roles::add);
        return node;
    }
}
