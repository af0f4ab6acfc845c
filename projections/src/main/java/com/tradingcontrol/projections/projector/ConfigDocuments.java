package com.tradingcontrol.projections.projector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.schemas.avro.ConfigUpdated;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import java.util.function.UnaryOperator;

/**
 * Folds {@code ConfigUpdated} into the per-key document: {@code id, key, value, previousValue, reason}
 * plus the common {@code aggregateId, version, lastEventId, lastRequestId, updatedBy, updatedAt,
 * _position}. Values keep their JSON type (boolean, integer, floating point or string).
 */
final class ConfigDocuments {

    private ConfigDocuments() {
    }

    static UnaryOperator<ObjectNode> fold(EventEnvelope event) {
        ConfigUpdated e = (ConfigUpdated) event.getPayload();
        return current -> {
            ObjectNode doc = current == null ? JsonNodeFactory.instance.objectNode() : current;
            doc.put("id", DocumentIds.of(e.getKey())).put("key", e.getKey());
            EventFolding.base(doc, event);
            doc.set("value", json(e.getValue()));
            doc.set("previousValue", json(e.getPreviousValue()));
            doc.put("reason", e.getReason());
            return doc;
        };
    }

    static JsonNode json(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value == null) {
            return f.nullNode();
        }
        if (value instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (value instanceof Long l) {
            return f.numberNode(l);
        }
        if (value instanceof Double d) {
            return f.numberNode(d);
        }
        return f.textNode(value.toString());
    }
}
