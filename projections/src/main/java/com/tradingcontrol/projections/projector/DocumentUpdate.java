package com.tradingcontrol.projections.projector;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What one event or audit record does to one document: the document's address, the position the
 * change corresponds to, and how to fold it into the current body (null when the document is new).
 *
 * @param position per-aggregate sequence for aggregate documents, chain sequence for audit documents;
 *                 the writer never applies an update whose position is not above the stored one
 * @param fold     pure: returns a new body and never mutates its argument
 */
public record DocumentUpdate(ProjectionContainer container, String partitionKey, String id, long position,
                             String sourceId, UnaryOperator<ObjectNode> fold) {

    public static final String POSITION_FIELD = "_position";

    public DocumentUpdate {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fold, "fold");
    }

    /** The folded body with its position stamped on it; {@code current} stays as it was. */
    public ObjectNode applyTo(ObjectNode current) {
        return foldInto(current == null ? null : current.deepCopy());
    }

    /**
     * Like {@link #applyTo} without the copy: may change and return {@code current}, which the caller
     * hands over (a body it just read from the store, which is the reader's own).
     */
    ObjectNode foldInto(ObjectNode current) {
        ObjectNode next = fold.apply(current);
        next.put(POSITION_FIELD, position);
        return next;
    }

    /** The position recorded in a stored body; -1 when it has none (written by something else). */
    public static long positionOf(ObjectNode body) {
        return body.path(POSITION_FIELD).asLong(-1);
    }
}
