package com.tradingcontrol.processors.topology;

import com.tradingcontrol.codec.EventMapper;
import com.tradingcontrol.codec.ControlStateMapper;
import com.tradingcontrol.domain.AggregateState;
import com.tradingcontrol.domain.DomainEvent;
import com.tradingcontrol.domain.EventMeta;
import com.tradingcontrol.domain.Provenance;
import com.tradingcontrol.domain.RecordedEvent;
import com.tradingcontrol.domain.TradingDomain;
import com.tradingcontrol.domain.control.ControlState;
import com.tradingcontrol.schemas.avro.Actor;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Applies a decision's events to an aggregate: folds them with the domain's evolve and wraps each
 * in its envelope with a deterministic id ({@code <commandId>:<index>}) and the per-aggregate
 * sequence (= the aggregate version after the event), so sequences are gapless by construction.
 */
final class Effects {

    /** The state after the events, their envelopes, and the control-state record if a control aggregate changed. */
    record Applied(AggregateState after, List<EventEnvelope> events,
                   com.tradingcontrol.schemas.avro.ControlState controlState) {

        List<String> eventIds() {
            return events.stream().map(EventEnvelope::getEventId).toList();
        }
    }

    private Effects() {
    }

    static Applied apply(AggregateState before, List<DomainEvent> events, String commandId, String requestId,
                         Actor actor, Instant now) {
        AggregateState state = before;
        List<EventEnvelope> envelopes = new ArrayList<>(events.size());
        EventMeta meta = new EventMeta(actor.getSubject(), now, commandId);
        for (int i = 0; i < events.size(); i++) {
            DomainEvent event = events.get(i);
            state = TradingDomain.evolve(state, new RecordedEvent(meta, event));
            envelopes.add(EventEnvelope.newBuilder()
                    .setEventId(commandId + ":" + i)
                    .setCommandId(commandId)
                    .setRequestId(requestId)
                    .setAggregateId(state.aggregateId())
                    .setAggregateType(EventMapper.aggregateType(event))
                    .setSequence(state.version())
                    .setOccurredAt(now)
                    .setActor(actor)
                    .setPayload(EventMapper.toAvro(event))
                    .build());
        }
        com.tradingcontrol.schemas.avro.ControlState published = null;
        if (state instanceof ControlState control && !envelopes.isEmpty()) {
            EventEnvelope last = envelopes.get(envelopes.size() - 1);
            Provenance change = new Provenance(actor.getSubject(), now, commandId, reasonOf(last.getPayload()));
            published = ControlStateMapper.toAvro(control, change, last.getEventId());
        }
        return new Applied(state, envelopes, published);
    }

    /** The {@code reason} field of a command or event payload, when it has one. */
    static String reasonOf(Object payload) {
        if (payload instanceof SpecificRecord record) {
            Schema.Field field = record.getSchema().getField("reason");
            if (field != null) {
                Object reason = record.get(field.pos());
                return reason == null ? null : reason.toString();
            }
        }
        return null;
    }
}
