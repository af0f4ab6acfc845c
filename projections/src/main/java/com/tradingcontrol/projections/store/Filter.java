package com.tradingcontrol.projections.store;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One predicate on a field. Values are strings, numbers or booleans; a field matches only values of
 * the same JSON type (a string "5" never equals or exceeds the number 5), as in Cosmos DB.
 */
public record Filter(FieldPath field, Op op, List<Object> values) {

    public enum Op { EQ, GTE, LTE, IN }

    public Filter {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(op, "op");
        values = List.copyOf(values);
        if (values.isEmpty() || (op != Op.IN && values.size() != 1)) {
            throw new IllegalArgumentException(op + " on " + field + " needs " + (op == Op.IN ? "values" : "one value"));
        }
        values.forEach(v -> requireSupported(field, v));
        if ((op == Op.GTE || op == Op.LTE) && values.get(0) instanceof Boolean) {
            throw new IllegalArgumentException(op + " on " + field + " needs a string or number");
        }
    }

    public static Filter eq(String field, Object value) {
        return new Filter(FieldPath.parse(field), Op.EQ, List.of(value));
    }

    public static Filter gte(String field, Object value) {
        return new Filter(FieldPath.parse(field), Op.GTE, List.of(value));
    }

    public static Filter lte(String field, Object value) {
        return new Filter(FieldPath.parse(field), Op.LTE, List.of(value));
    }

    public static Filter in(String field, List<?> values) {
        return new Filter(FieldPath.parse(field), Op.IN, List.copyOf(values));
    }

    public Object value() {
        return values.get(0);
    }

    private static void requireSupported(FieldPath field, Object value) {
        boolean ok = value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Double || value instanceof BigDecimal;
        if (!ok) {
            throw new IllegalArgumentException("filter on " + field + ": unsupported value type "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
    }
}
