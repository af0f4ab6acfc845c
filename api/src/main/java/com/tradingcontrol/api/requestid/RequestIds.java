package com.tradingcontrol.api.requestid;

import jakarta.servlet.ServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/** Validation and generation of {@code x-request-id} values. */
public final class RequestIds {
    public static final String HEADER = "x-request-id";
    public static final String MDC_KEY = "requestId";
    /** Servlet request attribute (and so Jersey request property) holding the effective id. */
    public static final String ATTRIBUTE = "com.tradingcontrol.requestId";
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._:-]+");

    private RequestIds() {}

    /** The caller's id when it is safe to log and forward, otherwise a fresh UUID. */
    public static String acceptOrGenerate(String candidate, int maxLength) {
        if (isValid(candidate, maxLength)) {
            return candidate;
        }
        return UUID.randomUUID().toString();
    }

    public static boolean isValid(String candidate, int maxLength) {
        return candidate != null
                && !candidate.isEmpty()
                && candidate.length() <= maxLength
                && ALLOWED.matcher(candidate).matches();
    }

    /** The effective id of a request that went through {@link RequestIdFilter}. */
    public static String of(ServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        if (id == null) {
            throw new IllegalStateException("RequestIdFilter did not run for this request");
        }
        return id.toString();
    }
}
