package com.tradingcontrol.projections.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A document as stored: its body (without store system fields such as {@code _etag} or
 * {@code _rid}) and the etag of exactly this version, for a later {@link WriteCondition#ifMatch}.
 */
public record StoredDocument(String id, String partitionKey, String etag, ObjectNode body) {

    public StoredDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(body, "body");
    }
}
