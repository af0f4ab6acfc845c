package com.tradingcontrol.projections.projector;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.codec.EventMapper;
import com.tradingcontrol.domain.AggregateState;
import com.tradingcontrol.domain.ConfigUpdated;
import com.tradingcontrol.domain.RecordedEvent;
import com.tradingcontrol.domain.TradingDomain;
import com.tradingcontrol.domain.config.ConfigState;
import com.tradingcontrol.domain.control.ControlState;
import com.tradingcontrol.domain.profile.ProfileState;
import com.tradingcontrol.schemas.avro.EventEnvelope;

/**
 * What an event does to its aggregate's document, computed with the domain's own fold: the document
 * is read back into the domain state it renders ({@link ControlDocuments#read} and its siblings),
 * {@link TradingDomain#evolve} applies the event, and the new state is rendered again. There is no
 * event-by-event logic here, so the projection cannot disagree with the processors' state; an event
 * the domain does not know stops the fold with an {@link UnprojectableEventException} instead of
 * changing anything.
 */
public final class EventFolding {

    private EventFolding() {
    }

    /** The update of the projector: the state comes from the current document. */
    public static DocumentUpdate updateFor(EventEnvelope event) {
        RecordedEvent recorded = recorded(event);
        AggregateState initial = initialState(event);
        return update(event, initial, recorded, current -> {
            try {
                return TradingDomain.evolve(current == null ? initial : stateOf(current, initial), recorded);
            } catch (IllegalArgumentException e) {
                throw new UnprojectableEventException(event, "it does not fit its document: " + e.getMessage(), e);
            }
        });
    }

    /**
     * The update that writes {@code state}, the aggregate's state after {@code event} folded by the
     * caller with the domain's evolve (the drift check, which keeps states itself instead of reading
     * them back from documents).
     */
    public static DocumentUpdate updateFor(EventEnvelope event, AggregateState state) {
        return update(event, initialState(event), recorded(event), current -> state);
    }

    /** The event as the domain knows it; an event the codec cannot map is not projectable. */
    public static RecordedEvent recorded(EventEnvelope event) {
        try {
            return EventMapper.recorded(event);
        } catch (RuntimeException e) {
            throw new UnprojectableEventException(event, "the domain does not know it: " + e.getMessage(), e);
        }
    }

    private interface StateAfter {
        AggregateState of(ObjectNode current);
    }

    /** Where an aggregate's document lives. */
    private record Address(ProjectionContainer container, String partitionKey, String id) {
    }

    private static DocumentUpdate update(EventEnvelope event, AggregateState initial, RecordedEvent recorded,
                                         StateAfter after) {
        Address address = addressOf(initial);
        return new DocumentUpdate(address.container(), address.partitionKey(), address.id(), event.getSequence(),
                event.getEventId(), current -> render(after.of(current), current, event, recorded));
    }

    private static AggregateState initialState(EventEnvelope event) {
        try {
            return TradingDomain.initialState(event.getAggregateId());
        } catch (IllegalArgumentException e) {
            throw new UnprojectableEventException(event, "its aggregate id is malformed: " + e.getMessage(), e);
        }
    }

    private static Address addressOf(AggregateState state) {
        if (state instanceof ControlState control) {
            String scope = control.scope().toString();
            return new Address(ProjectionContainer.TRADING_CONTROL, scope, DocumentIds.of(scope));
        }
        if (state instanceof ConfigState config) {
            return new Address(ProjectionContainer.DYNAMIC_CONFIG, config.key(),
                    DocumentIds.of(config.key()));
        }
        ProfileState profile = (ProfileState) state;
        return new Address(ProjectionContainer.TRADING_PROFILES, profile.tenantId(),
                DocumentIds.of(profile.profileId()));
    }

    private static AggregateState stateOf(ObjectNode doc, AggregateState initial) {
        if (initial instanceof ControlState control) {
            return ControlDocuments.read(doc, control.scope());
        }
        return initial instanceof ConfigState ? ConfigDocuments.read(doc) : ProfileDocuments.read(doc);
    }

    /** {@code state} written into the current body (or a fresh one), with the event's last-change fields. */
    static ObjectNode render(AggregateState state, ObjectNode current, EventEnvelope event, RecordedEvent recorded) {
        if (state instanceof ControlState control) {
            ObjectNode doc = current != null ? current : ControlDocuments.fresh(control.scope());
            base(doc, event);
            ControlDocuments.write(control, doc);
            return doc;
        }
        if (state instanceof ConfigState config) {
            ObjectNode doc = current != null ? current : ConfigDocuments.fresh(config);
            base(doc, event);
            ConfigDocuments.write(config, ((ConfigUpdated) recorded.event()).previous(), doc);
            return doc;
        }
        ProfileState profile = (ProfileState) state;
        ObjectNode doc = current != null ? current : ProfileDocuments.fresh(profile);
        ProfileDocuments.write(profile, doc);
        base(doc, event);
        return doc;
    }

    /** The fields every aggregate document carries: which event made it what it is, and who, when. */
    private static void base(ObjectNode doc, EventEnvelope event) {
        doc.put("aggregateId", event.getAggregateId());
        doc.put("version", event.getSequence());
        doc.put("lastEventId", event.getEventId());
        doc.put("lastRequestId", event.getRequestId());
        doc.put("updatedBy", event.getActor().getSubject());
        doc.put("updatedAt", event.getOccurredAt().toEpochMilli());
    }
}
