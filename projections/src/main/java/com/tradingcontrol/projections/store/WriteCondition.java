package com.tradingcontrol.projections.store;

import java.util.Objects;

/** Precondition of a write: none, the stored etag must equal a given one, or nothing may be stored. */
public record WriteCondition(Kind kind, String etag) {

    public enum Kind { NONE, IF_MATCH, IF_ABSENT }

    private static final WriteCondition NONE = new WriteCondition(Kind.NONE, null);
    private static final WriteCondition IF_ABSENT = new WriteCondition(Kind.IF_ABSENT, null);

    public WriteCondition {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.IF_MATCH) != (etag != null)) {
            throw new IllegalArgumentException("an etag is required for IF_MATCH and only for IF_MATCH");
        }
    }

    public static WriteCondition none() {
        return NONE;
    }

    public static WriteCondition ifAbsent() {
        return IF_ABSENT;
    }

    public static WriteCondition ifMatch(String etag) {
        return new WriteCondition(Kind.IF_MATCH, Objects.requireNonNull(etag, "etag"));
    }
}
