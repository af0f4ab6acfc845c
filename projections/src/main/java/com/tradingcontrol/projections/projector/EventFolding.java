package com.tradingcontrol.projections.projector;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.schemas.avro.ConfigUpdated;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.avro.KillSwitchEngaged;
import com.tradingcontrol.schemas.avro.KillSwitchReleased;
import com.tradingcontrol.schemas.avro.MaintenanceModeChanged;
import com.tradingcontrol.schemas.avro.PauseExpired;
import com.tradingcontrol.schemas.avro.ProfileCreated;
import com.tradingcontrol.schemas.avro.ProfileDisabled;
import com.tradingcontrol.schemas.avro.ProfileEnabled;
import com.tradingcontrol.schemas.avro.ReduceOnlyExpired;
import com.tradingcontrol.schemas.avro.ReduceOnlyLifted;
import com.tradingcontrol.schemas.avro.ReduceOnlySet;
import com.tradingcontrol.schemas.avro.TradingPaused;
import com.tradingcontrol.schemas.avro.TradingResumed;
import java.util.function.UnaryOperator;

/**
 * Pure mapping from an event to the document update it causes. Documents are a read model, not the
 * processors' domain state, so this folds events itself instead of depending on the domain module.
 */
public final class EventFolding {

    private EventFolding() {
    }

    public static DocumentUpdate updateFor(EventEnvelope event) {
        Object payload = event.getPayload();
        if (payload instanceof TradingPaused || payload instanceof TradingResumed || payload instanceof PauseExpired
                || payload instanceof KillSwitchEngaged || payload instanceof KillSwitchReleased
                || payload instanceof MaintenanceModeChanged || payload instanceof ReduceOnlySet
                || payload instanceof ReduceOnlyLifted || payload instanceof ReduceOnlyExpired) {
            return update(ProjectionContainer.TRADING_CONTROL, event.getAggregateId(), event.getAggregateId(), event,
                    ControlDocuments.fold(event));
        }
        if (payload instanceof ConfigUpdated e) {
            return update(ProjectionContainer.DYNAMIC_CONFIG, e.getKey(), e.getKey(), event, ConfigDocuments.fold(event));
        }
        if (payload instanceof ProfileCreated e) {
            return update(ProjectionContainer.TRADING_PROFILES, e.getTenantId(), e.getProfileId(), event,
                    ProfileDocuments.fold(event));
        }
        if (payload instanceof ProfileEnabled e) {
            return update(ProjectionContainer.TRADING_PROFILES, e.getTenantId(), e.getProfileId(), event,
                    ProfileDocuments.fold(event));
        }
        if (payload instanceof ProfileDisabled e) {
            return update(ProjectionContainer.TRADING_PROFILES, e.getTenantId(), e.getProfileId(), event,
                    ProfileDocuments.fold(event));
        }
        throw new IllegalArgumentException("event " + event.getEventId() + " has an unknown payload type "
                + (payload == null ? "null" : payload.getClass().getName()));
    }

    private static DocumentUpdate update(ProjectionContainer container, String partitionKey, String rawId,
                                         EventEnvelope event, UnaryOperator<ObjectNode> fold) {
        return new DocumentUpdate(container, partitionKey, DocumentIds.of(rawId), event.getSequence(),
                event.getEventId(), fold);
    }

    /** A fresh body or the current one, with the fields every aggregate document carries. */
    static ObjectNode base(ObjectNode current, EventEnvelope event) {
        ObjectNode doc = current != null ? current : JsonNodeFactory.instance.objectNode();
        doc.put("aggregateId", event.getAggregateId());
        doc.put("version", event.getSequence());
        doc.put("lastEventId", event.getEventId());
        doc.put("lastRequestId", event.getRequestId());
        doc.put("updatedBy", event.getActor().getSubject());
        doc.put("updatedAt", event.getOccurredAt().toEpochMilli());
        return doc;
    }
}
