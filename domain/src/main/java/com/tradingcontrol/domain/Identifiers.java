package com.tradingcontrol.domain;

import java.util.regex.Pattern;

/**
 * Syntax of tenant and profile ids. They become parts of aggregate ids and scopes
 * ({@code profile:<tenant>:<profile>}, {@code tenant:<id>}), so ':' and whitespace are excluded to
 * keep those ids unambiguous.
 */
public final class Identifiers {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._@|+\\-]{1,128}");

    private Identifiers() {
    }

    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public static String describeRule() {
        return "1-128 characters of letters, digits and . _ @ | + -";
    }
}
