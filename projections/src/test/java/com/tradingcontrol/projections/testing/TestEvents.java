package com.tradingcontrol.projections.testing;

import com.tradingcontrol.schemas.avro.Actor;
import com.tradingcontrol.schemas.avro.AggregateType;
import com.tradingcontrol.schemas.avro.AuditRecord;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.avro.OutcomeStatus;
import java.time.Instant;
import java.util.List;

/** Builders for events and audit records as the processors write them. */
public final class TestEvents {

    private TestEvents() {
    }

    public static Actor actor(String subject, String tenantId) {
        return new Actor(subject, tenantId, List.of("operator"));
    }

    public static EventEnvelope event(String aggregateId, long sequence, Object payload) {
        return event(aggregateId, sequence, payload, actor("alice", null), Instant.ofEpochMilli(1_700_000_000_000L + sequence));
    }

    public static EventEnvelope event(String aggregateId, long sequence, Object payload, Actor actor, Instant at) {
        return EventEnvelope.newBuilder()
                .setEventId("cmd-" + aggregateId + "-" + sequence + ":0")
                .setCommandId("cmd-" + aggregateId + "-" + sequence)
                .setRequestId("req-" + aggregateId + "-" + sequence)
                .setAggregateId(aggregateId)
                .setAggregateType(typeOf(aggregateId))
                .setSequence(sequence)
                .setOccurredAt(at)
                .setActor(actor)
                .setPayload(payload)
                .build();
    }

    public static AuditRecord audit(String auditId, String chainId, long chainSequence, String productId, String action,
                                    String aggregateId, Instant at) {
        return AuditRecord.newBuilder()
                .setAuditId(auditId).setChainId(chainId).setChainSequence(chainSequence)
                .setCommandId(auditId).setRequestId("req-" + auditId).setProductId(productId)
                .setActor(actor("alice", null)).setAction(action).setAggregateId(aggregateId)
                .setOutcome(OutcomeStatus.ACCEPTED).setCode(null).setReason("because").setBefore(null).setAfter("{}")
                .setEventIds(List.of(auditId + ":0")).setOccurredAt(at)
                .setPrevHash("0".repeat(64)).setHash(Integer.toHexString(auditId.hashCode()))
                .build();
    }

    private static AggregateType typeOf(String aggregateId) {
        if (aggregateId.startsWith("config:")) {
            return AggregateType.DYNAMIC_CONFIG;
        }
        return aggregateId.startsWith("profile:") ? AggregateType.TRADING_PROFILE : AggregateType.TRADING_CONTROL;
    }
}
