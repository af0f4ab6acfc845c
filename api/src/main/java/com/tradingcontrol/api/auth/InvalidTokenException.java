package com.tradingcontrol.api.auth;

/** The token is not acceptable (bad signature, wrong algorithm, expired, wrong issuer...): a 401. */
public final class InvalidTokenException extends Exception {
    public InvalidTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
