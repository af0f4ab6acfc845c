package com.tradingcontrol.api.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** Finds the bearer token of a websocket handshake: the Authorization header, else {@code access_token}. */
public final class BearerTokens {
    public static final String QUERY_PARAMETER = "access_token";
    private static final String PREFIX = "bearer ";

    private BearerTokens() {}

    public static Optional<String> from(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null) {
            return fromHeader(header);
        }
        // Browsers cannot set headers on a websocket handshake, hence the query parameter (handshakes only).
        return nonBlank(request.getParameter(QUERY_PARAMETER));
    }

    /** The token of an {@code Authorization: Bearer <token>} header; empty for other schemes or none. */
    public static Optional<String> fromHeader(String header) {
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        return nonBlank(header.substring(PREFIX.length()));
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
