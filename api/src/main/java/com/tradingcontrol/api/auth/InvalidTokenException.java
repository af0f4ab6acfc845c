package com.tradingcontrol.api.auth;

/** The token is not acceptable (bad signature, wrong algorithm, expired, wrong issuer...): a 401. */
public final class InvalidTokenException extends Exception {
    private final transient String publicDetail;

    public InvalidTokenException(String message, Throwable cause) {
        this(message, cause, null);
    }

    private InvalidTokenException(String message, Throwable cause, String publicDetail) {
        super(message, cause);
        this.publicDetail = publicDetail;
    }

    /**
     * A problem with the claims of a token whose signature already verified: the detail is safe to
     * tell the caller (it is about their own identity provider's token) and helps them fix it.
     */
    static InvalidTokenException withDetail(String detail) {
        return new InvalidTokenException(detail, null, detail);
    }

    /** The detail to answer with, or null when the client is told nothing beyond "invalid token". */
    public String publicDetail() {
        return publicDetail;
    }
}
