package com.tradingcontrol.projections.store.sqlite;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Continuation tokens of the embedded store: the offset of the next row in the query's total order.
 * Offsets (not keyset seeks) keep arbitrary sort fields simple; like Cosmos DB tokens, they do not
 * snapshot the data, so writes between pages may shift rows.
 */
final class OffsetContinuation {

    private static final String PREFIX = "sqlite-offset:";

    private OffsetContinuation() {
    }

    static String encode(long offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    static long decode(String token) {
        if (token == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith(PREFIX)) {
                throw new IllegalArgumentException("not a continuation token of this store: " + token);
            }
            long offset = Long.parseLong(text.substring(PREFIX.length()));
            if (offset < 0) {
                throw new IllegalArgumentException("invalid continuation token: " + token);
            }
            return offset;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid continuation token: " + token, e);
        }
    }
}
