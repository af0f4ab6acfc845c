package com.tradingcontrol.projections.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** Rules every adapter applies to documents, so that all adapters accept and return the same shapes. */
public final class Documents {

    /** Fields Cosmos DB adds to every item; they never appear in {@link StoredDocument#body()}. */
    public static final Set<String> SYSTEM_FIELDS = Set.of("_rid", "_self", "_etag", "_attachments", "_ts", "_lsn");

    /** Per-document TTL override in seconds, as in Cosmos DB (-1 = never expires). */
    public static final String TTL_FIELD = "ttl";

    private Documents() {
    }

    /** Checks id, partition key value and ttl of a document about to be written; returns its id. */
    public static String validateForWrite(ObjectNode doc, ContainerSpec spec, String partitionKey) {
        JsonNode id = doc.get("id");
        if (id == null || !id.isTextual() || id.asText().isEmpty()) {
            throw new IllegalArgumentException("document needs a non-empty string 'id'");
        }
        if (id.asText().matches(".*[/\\\\?#].*")) {
            throw new IllegalArgumentException("document id must not contain '/', '\\', '?' or '#': " + id.asText());
        }
        JsonNode pk = valueAt(doc, FieldPath.parse(spec.partitionKeyField()));
        if (pk == null || !pk.isTextual() || !pk.asText().equals(partitionKey)) {
            throw new IllegalArgumentException("document field " + spec.partitionKeyPath() + " must equal the partition key '"
                    + partitionKey + "' but is " + pk);
        }
        ttlOf(doc);
        return id.asText();
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

    /** A copy of {@code doc} without {@link #SYSTEM_FIELDS}. */
    public static ObjectNode withoutSystemFields(ObjectNode doc) {
        ObjectNode copy = doc.deepCopy();
        copy.remove(SYSTEM_FIELDS);
        return copy;
    }
}
