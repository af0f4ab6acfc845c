package com.tradingcontrol.projections.projector;

import static com.tradingcontrol.projections.projector.ControlDocuments.instant;
import static com.tradingcontrol.projections.projector.ControlDocuments.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.domain.ConfigValue;
import com.tradingcontrol.domain.Provenance;
import com.tradingcontrol.domain.config.ConfigState;

/**
 * The per-key dynamic-config document as a rendering of the domain's {@link ConfigState}, and the way
 * back: {@code id, key, value, previousValue, reason} plus the common {@code aggregateId, version,
 * lastEventId, lastRequestId, updatedBy, updatedAt, _position}. Values keep their JSON type (boolean,
 * integer, floating point or string). {@code previousValue} describes the last change (the event's
 * value before it, the catalogue default for a key never set), not the state, so it is written from
 * the event like the other last-change fields.
 */
public final class ConfigDocuments {

    private ConfigDocuments() {
    }

    static ObjectNode fresh(ConfigState state) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("id", DocumentIds.of(state.key())).put("key", state.key());
        return doc;
    }

    static void write(ConfigState state, ConfigValue previousValue, ObjectNode doc) {
        doc.set("value", json(state.value()));
        doc.set("previousValue", json(previousValue));
        doc.put("reason", state.lastChange() == null ? null : state.lastChange().reason());
    }

    /** The state a document renders; the last change's provenance is its {@code updatedBy/updatedAt/reason}. */
    public static ConfigState read(ObjectNode doc) {
        Provenance last = doc.hasNonNull("updatedBy")
                ? new Provenance(text(doc, "updatedBy"), instant(doc, "updatedAt"), null, text(doc, "reason"))
                : null;
        return new ConfigState(doc.path("key").asText(), doc.path("version").asLong(0), value(doc.get("value")), last);
    }

    /** A config value with its JSON type; null stays null. The one mapping documents and API bodies use. */
    public static JsonNode json(ConfigValue value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value instanceof ConfigValue.BoolValue b) {
            return f.booleanNode(b.value());
        }
        if (value instanceof ConfigValue.LongValue l) {
            return f.numberNode(l.value());
        }
        if (value instanceof ConfigValue.DoubleValue d) {
            return f.numberNode(d.value());
        }
        if (value instanceof ConfigValue.StringValue s) {
            return f.textNode(s.value());
        }
        return f.nullNode();
    }

    /** The inverse of {@link #json}: the JSON type says the kind. */
    static ConfigValue value(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return ConfigValue.of(node.booleanValue());
        }
        if (node.isIntegralNumber()) {
            return ConfigValue.of(node.longValue());
        }
        if (node.isNumber()) {
            return ConfigValue.of(node.doubleValue());
        }
        return ConfigValue.of(node.asText());
    }
}
