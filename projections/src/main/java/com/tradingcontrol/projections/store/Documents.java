package com.tradingcontrol.projections.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Rules every adapter applies to documents, so that all adapters accept and return the same shapes. */
public final class Documents {

    /** Fields Cosmos DB adds to every item; they never appear in {@link StoredDocument#body()}. */
    public static final Set<String> SYSTEM_FIELDS = Set.of("_rid", "_self", "_etag", "_attachments", "_ts", "_lsn");

    /** Per-document TTL override in seconds, as in Cosmos DB (-1 = never expires). */
    public static final String TTL_FIELD = "ttl";

    /** Parsed once per path: the checks here run for every document a projector writes. */
    private static final Map<String, FieldPath> PARTITION_KEY_FIELDS = new ConcurrentHashMap<>();

    private Documents() {
    }

    /** Checks id, partition key value and ttl of a document about to be written; returns its id. */
    public static String validateForWrite(ObjectNode doc, ContainerSpec spec, String partitionKey) {
        JsonNode id = doc.get("id");
        if (id == null || !id.isTextual() || id.asText().isEmpty()) {
            throw new IllegalArgumentException("document needs a non-empty string 'id'");
        }
        if (hasForbiddenIdCharacter(id.asText())) {
            throw new IllegalArgumentException("document id must not contain '/', '\\', '?' or '#': " + id.asText());
        }
        JsonNode pk = valueAt(doc, PARTITION_KEY_FIELDS.computeIfAbsent(spec.partitionKeyPath(),
                path -> FieldPath.parse(spec.partitionKeyField())));
        if (pk == null || !pk.isTextual() || !pk.asText().equals(partitionKey)) {
            throw new IllegalArgumentException("document field " + spec.partitionKeyPath() + " must equal the partition key '"
                    + partitionKey + "' but is " + pk);
        }
        ttlOf(doc);
        return id.asText();
    }

    private static boolean hasForbiddenIdCharacter(String id) {
        for (int i = 0; i < id.length(); i++) {
            switch (id.charAt(i)) {
                case '/', '\\', '?', '#' -> {
                    return true;
                }
                default -> { }
            }
        }
        return false;
    }

    /** The document's own ttl override, or null when it has none. */
    public static Integer ttlOf(ObjectNode doc) {
        JsonNode ttl = doc.get(TTL_FIELD);
        if (ttl == null || ttl.isNull()) {
            return null;
        }
        if (!ttl.canConvertToInt() || !ttl.isIntegralNumber() || ttl.asInt() == 0 || ttl.asInt() < -1) {
            throw new IllegalArgumentException("document field 'ttl' must be -1 or a positive integer: " + ttl);
        }
        return ttl.asInt();
    }

    public static JsonNode valueAt(ObjectNode doc, FieldPath path) {
        JsonNode node = doc;
        for (String segment : path.segments()) {
            node = node.get(segment);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** A deep copy of {@code doc} without {@link #SYSTEM_FIELDS}. */
    public static ObjectNode withoutSystemFields(ObjectNode doc) {
        return copyWithout(doc, SYSTEM_FIELDS);
    }

    /** A deep copy of {@code doc}. */
    public static ObjectNode copy(ObjectNode doc) {
        return copyWithout(doc, Set.of());
    }

    /**
     * Like {@link ObjectNode#deepCopy()} but with the field map sized up front: a projector copies
     * documents for every event, and the default map outgrows its table (a resize) at 13 fields.
     */
    private static ObjectNode copyWithout(ObjectNode doc, Set<String> left) {
        Map<String, JsonNode> fields = new LinkedHashMap<>(doc.size() * 4 / 3 + 1);
        for (Map.Entry<String, JsonNode> field : doc.properties()) {
            fields.put(field.getKey(), field.getValue().deepCopy());
        }
        // One lookup per left-out name, rather than a set lookup per field.
        fields.keySet().removeAll(left);
        return new ObjectNode(JsonNodeFactory.instance, fields);
    }
}
