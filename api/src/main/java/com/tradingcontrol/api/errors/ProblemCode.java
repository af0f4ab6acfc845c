package com.tradingcontrol.api.errors;

/**
 * Stable, machine-readable error codes. Clients branch on these, so a code is never renamed;
 * titles may be reworded.
 */
public enum ProblemCode {
    BAD_REQUEST(400, "Bad request"),
    /**
     * The request is well-formed (JSON parsed, parameters present) but a value is not acceptable: a
     * wrong type, a bad instant, a range, a rule of the processors. Always 422; requests that cannot be
     * read at all are 400 (MALFORMED_JSON, UNKNOWN_FIELD, BAD_REQUEST).
     */
    VALIDATION_FAILED(422, "Validation failed"),
    MALFORMED_JSON(400, "Malformed JSON"),
    UNKNOWN_FIELD(400, "Unknown field"),
    UNAUTHORIZED(401, "Authentication required"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    /** The request (body) arrived too slowly; the connection is closed. */
    REQUEST_TIMEOUT(408, "Request timeout"),
    CONFLICT(409, "Conflict"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    URI_TOO_LONG(414, "URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    UNPROCESSABLE(422, "Unprocessable request"),
    /** The caller already has the maximum of Prefer: wait requests open (with Retry-After). */
    TOO_MANY_WAITS(429, "Too many waiting requests"),
    /** The caller already has the maximum of websocket connections open (refused at the handshake). */
    TOO_MANY_CONNECTIONS(429, "Too many connections"),
    HEADERS_TOO_LARGE(431, "Request headers too large"),
    INTERNAL(500, "Internal error"),
    SERVICE_UNAVAILABLE(503, "Service unavailable"),
    NOT_READY(503, "Not ready"),
    AUTH_UNAVAILABLE(503, "Authentication keys unavailable"),
    /** The command bus did not acknowledge a command in time (with Retry-After). */
    KAFKA_UNAVAILABLE(503, "Command bus unavailable"),
    /** The projection store throttled or could not be reached (with Retry-After). */
    STORE_UNAVAILABLE(503, "Read store unavailable"),
    /** The server is shutting down; another instance (or this one after restart) takes the request. */
    SHUTTING_DOWN(503, "Shutting down"),
    // The processors' rejection codes (RejectionCode in domain); FORBIDDEN, NOT_FOUND and
    // VALIDATION_FAILED above double as theirs.
    TENANT_MISMATCH(403, "Tenant mismatch"),
    UNKNOWN_CONFIG_KEY(422, "Unknown configuration key"),
    VERSION_CONFLICT(409, "Version conflict"),
    INVALID_STATE(409, "Invalid state"),
    ALREADY_EXISTS(409, "Already exists"),
    /** Two-person rule: the admin who proposed releasing the kill switch may not approve it; another admin must. */
    SECOND_ADMIN_REQUIRED(403, "Second admin required"),
    /** The Idempotency-Key was first used by this caller for a different request (method, route or body). */
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency key reused"),
    /**
     * The processors did not accept this API's signature on the command: its signing key is not among
     * the keys they trust (a deployment error; see docs/security.md "Command signing").
     */
    UNAUTHENTICATED_COMMAND(503, "Command not authenticated");

    private final int status;
    private final String title;

    ProblemCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** A generic code for a bare HTTP status (used when the thrower gave no code of its own). */
    public static ProblemCode forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 408 -> REQUEST_TIMEOUT;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 431 -> HEADERS_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> UNPROCESSABLE;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : BAD_REQUEST;
        };
    }
}
