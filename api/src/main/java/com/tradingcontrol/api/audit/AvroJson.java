package com.tradingcontrol.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collection;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Plain JSON for Avro records. Hand-written because Avro's own JSON encoding wraps every union value
 * in an object naming its branch ({@code {"string": "x"}}), which export consumers should not have
 * to unwrap. Timestamps become ISO-8601 instants; a record inside a union (the event payload) gets
 * a {@code type} member naming the record, so consumers can tell the events apart.
 */
public final class AvroJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private AvroJson() {
    }

    public static ObjectNode record(IndexedRecord record) {
        ObjectNode node = F.objectNode();
        for (Schema.Field field : record.getSchema().getFields()) {
            Object value = record.get(field.pos());
            JsonNode json = value(value);
            if (value instanceof IndexedRecord nested && field.schema().getType() == Schema.Type.UNION) {
                ((ObjectNode) json).put("type", nested.getSchema().getName());
            }
            node.set(field.name(), json);
        }
        return node;
    }

    private static JsonNode value(Object value) {
        if (value == null) {
            return F.nullNode();
        }
        if (value instanceof IndexedRecord r) {
            return record(r);
        }
        if (value instanceof Instant i) {
            return F.textNode(i.toString());
        }
        if (value instanceof Boolean b) {
            return F.booleanNode(b);
        }
        if (value instanceof Integer i) {
            return F.numberNode(i);
        }
        if (value instanceof Long l) {
            return F.numberNode(l);
        }
        if (value instanceof Double d) {
            return F.numberNode(d);
        }
        if (value instanceof Collection<?> items) {
            ArrayNode array = F.arrayNode();
            items.forEach(item -> array.add(value(item)));
            return array;
        }
        // Strings (Utf8 or String) and enum symbols.
        return F.textNode(value.toString());
    }
}
