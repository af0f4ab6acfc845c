package com.tradingcontrol.projections.store;

import java.util.Objects;

/**
 * Sort by one field. Sort on a field every matching document has: stores disagree on where (and
 * whether) documents lacking the field appear, and values of mixed JSON types order differently.
 */
public record OrderBy(FieldPath field, Direction direction) {

    public enum Direction { ASC, DESC }

    public OrderBy {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(direction, "direction");
    }

    public static OrderBy asc(String field) {
        return new OrderBy(FieldPath.parse(field), Direction.ASC);
    }

    public static OrderBy desc(String field) {
        return new OrderBy(FieldPath.parse(field), Direction.DESC);
    }
}
