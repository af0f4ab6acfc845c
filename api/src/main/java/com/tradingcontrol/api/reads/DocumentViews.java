package com.tradingcontrol.api.reads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Set;

/**
 * Turns projected documents into API bodies: drops the store's bookkeeping fields and renders the
 * epoch-millisecond times the projector stores as ISO-8601 instants, as everywhere else in the API.
 */
public final class DocumentViews {

    private static final Set<String> INTERNAL = Set.of("id", "_position", "ttl", "lastEventId");
    private static final Set<String> TIMES = Set.of("pausedAt", "expiresAt", "killSwitchAt", "maintenanceAt",
            "reduceOnlyAt", "reduceOnlyExpiresAt", "releaseProposedAt", "releaseProposalExpiresAt", "updatedAt",
            "createdAt", "occurredAt", "proposedAt");

    private DocumentViews() {
    }

    public static ObjectNode view(ObjectNode doc) {
        ObjectNode out = doc.objectNode();
        doc.fields().forEachRemaining(field -> {
            if (INTERNAL.contains(field.getKey())) {
                return;
            }
            JsonNode value = field.getValue();
            if ("proposals".equals(field.getKey()) && value.isArray()) {
                // The open two-person proposals: objects with times of their own.
                value.forEach(item -> out.withArray("proposals").add(item.isObject() ? view((ObjectNode) item) : item));
            } else if (TIMES.contains(field.getKey()) && value.isNumber()) {
                out.put(field.getKey(), Instant.ofEpochMilli(value.asLong()).toString());
            } else {
                out.set(field.getKey(), value);
            }
        });
        return out;
    }

    /** An epoch-millisecond field as an instant; null when absent or null. */
    public static Instant instant(JsonNode doc, String field) {
        JsonNode value = doc.get(field);
        return value == null || value.isNull() ? null : Instant.ofEpochMilli(value.asLong());
    }

    public static String text(JsonNode doc, String field) {
        JsonNode value = doc.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
