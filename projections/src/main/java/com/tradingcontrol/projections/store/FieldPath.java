package com.tradingcontrol.projections.store;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A dotted path to a top-level or nested JSON field, e.g. {@code status} or {@code scope.kind}.
 * Segments are restricted to identifier characters because adapters must put the path itself into
 * their query language (Cosmos SQL cannot parameterise property names); values are always bound.
 */
public record FieldPath(List<String> segments) {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public FieldPath {
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("field path must not be empty");
        }
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("invalid field path segment '" + segment + "'");
            }
        }
    }

    public static FieldPath parse(String dotted) {
        if (dotted == null || dotted.isEmpty()) {
            throw new IllegalArgumentException("field path must not be empty");
        }
        return new FieldPath(List.of(dotted.split("\\.", -1)));
    }

    public String dotted() {
        return String.join(".", segments);
    }

    @Override
    public String toString() {
        return dotted();
    }
}
