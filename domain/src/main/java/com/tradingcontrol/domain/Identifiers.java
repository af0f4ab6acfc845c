package com.tradingcontrol.domain;


/**
 * Syntax of tenant and profile ids. They become parts of aggregate ids and scopes
 * ({@code profile:<tenant>:<profile>}, {@code tenant:<id>}), so ':' and whitespace are excluded to
 * keep those ids unambiguous.
 */
public final class Identifiers {

    private Identifiers() {
    }

    /**
     * 1-128 of the characters {@link #describeRule()} names. A loop, not a regular expression: engine
     * clients check ids on every decision, and a matcher allocation there costs more than the rest.
     */
    public static boolean isValid(String id) {
        return id != null && isValid(id, 0, id.length());
    }

    /** Whether {@code id.substring(from, to)} is a valid id, without making that substring. */
    public static boolean isValid(String id, int from, int to) {
        if (to - from < 1 || to - from > 128) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = id.charAt(i);
            boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '@' || c == '|' || c == '+' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    public static String describeRule() {
        return "1-128 characters of letters, digits and . _ @ | + -";
    }
}
