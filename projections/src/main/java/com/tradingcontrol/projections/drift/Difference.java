package com.tradingcontrol.projections.drift;

/**
 * One difference between the projected store and the state folded from the log.
 *
 * @param field    dotted JSON path of the differing field; null for MISSING and EXTRA
 * @param expected the value from the log (JSON text), null when the field or document is absent there
 * @param actual   the stored value (JSON text), null when absent in the store
 */
public record Difference(String container, String partitionKey, String id, Kind kind, String field,
                         String expected, String actual) {

    public enum Kind {
        /** The log implies the document but the store lacks it. */
        MISSING,
        /** The store has a document the log does not imply. */
        EXTRA,
        /** Both have the document; this field differs. */
        FIELD
    }

    @Override
    public String toString() {
        String where = container + "/" + partitionKey + "/" + id;
        return kind == Kind.FIELD
                ? where + " field " + field + ": expected " + expected + ", actual " + actual
                : where + " " + kind;
    }
}
