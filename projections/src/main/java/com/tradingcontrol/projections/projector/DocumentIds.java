package com.tradingcontrol.projections.projector;

/**
 * Makes document ids from domain identifiers. Cosmos DB forbids '/', '\', '?' and '#' in ids, while
 * scopes such as {@code symbol:BRK/B} may contain them, so those (and '%') are percent-encoded; any
 * other identifier is used unchanged, which keeps ids readable.
 */
public final class DocumentIds {

    private DocumentIds() {
    }

    public static String of(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (char c : raw.toCharArray()) {
            switch (c) {
                case '%', '/', '\\', '?', '#' -> out.append('%').append(String.format("%02X", (int) c));
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
