package com.tradingcontrol.api.commands;

import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.auth.Roles;
import com.tradingcontrol.api.errors.ProblemCode;
import com.tradingcontrol.api.errors.Problems;
import com.tradingcontrol.api.reads.QueryParams;
import com.tradingcontrol.domain.Identifiers;
import com.tradingcontrol.domain.InvalidScopeException;
import com.tradingcontrol.domain.Scope;
import jakarta.ws.rs.WebApplicationException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Early shape checks for fast feedback (422 {@code VALIDATION_FAILED}, or 403 {@code TENANT_MISMATCH}
 * for a customer naming another tenant). The processors remain authoritative and re-check everything.
 */
public final class CommandInputs {
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

    private CommandInputs() {}

    public static <T> T requireBody(T body) {
        if (body == null) {
            throw invalid("a JSON request body is required");
        }
        return body;
    }

    public static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw invalid("reason is required and must not be blank");
        }
        return reason;
    }

    /** The canonical scope string (symbols upper-cased), which is also the aggregate id. */
    public static String scope(String text) {
        try {
            return Scope.parse(text).toString();
        } catch (InvalidScopeException e) {
            throw invalid(e.getMessage());
        }
    }

    /** Optional ISO-8601 instant that must lie in the future. */
    public static Instant expiresAt(String text, Instant now) {
        return instant("expiresAt", text, now);
    }

    /** Optional ISO-8601 instant in the body field {@code field} that must lie in the future. */
    public static Instant instant(String field, String text, Instant now) {
        if (text == null) {
            return null;
        }
        try {
            Instant instant = Instant.parse(text);
            if (instant.isAfter(QueryParams.LATEST)) {
                throw invalid(field + " must not lie after " + QueryParams.LATEST + ", got " + text);
            }
            if (!instant.isAfter(now)) {
                throw invalid(field + " must be in the future, got " + text);
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw invalid(field + " must be an ISO-8601 instant such as 2026-11-21T10:00:00Z");
        }
    }

    public static String identifier(String field, String value) {
        if (value == null || !Identifiers.isValid(value)) {
            throw invalid(field + " must be " + Identifiers.describeRule());
        }
        return value;
    }

    /** The client's Idempotency-Key, or null when absent. */
    public static String idempotencyKey(String header) {
        if (header == null) {
            return null;
        }
        if (!IDEMPOTENCY_KEY.matcher(header).matches()) {
            throw invalid("Idempotency-Key must be 1-128 characters of A-Z, a-z, 0-9 and . _ : -");
        }
        return header;
    }

    /** {@code If-Match: "<version>"} (quotes and a weak prefix tolerated); null when absent. */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        var matcher = VERSION.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw invalid("If-Match must be a version such as \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }

    /**
     * The tenant a profile command addresses: a customer's own (naming another is 403 TENANT_MISMATCH,
     * whether or not that tenant has such a profile); staff must name one.
     */
    public static String profileTenant(Caller caller, String requested) {
        boolean staff = caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.OPERATOR);
        if (staff) {
            return identifier("tenantId", requested);
        }
        String own = caller.tenantId();
        if (own == null) {
            throw new WebApplicationException(Problems.response(ProblemCode.FORBIDDEN, "Your token names no tenant."));
        }
        if (requested != null && !requested.equals(own)) {
            throw new WebApplicationException(Problems.response(ProblemCode.TENANT_MISMATCH,
                    "Customers can only address their own tenant's profiles."));
        }
        return own;
    }

    public static WebApplicationException invalid(String detail) {
        return new WebApplicationException(Problems.response(
                Problems.of(ProblemCode.VALIDATION_FAILED, detail)));
    }
}
