package com.tradingcontrol.api.auth;

/** The verification keys could not be fetched (JWKS endpoint down): the token may be fine, so a 503. */
public final class KeysUnavailableException extends Exception {
    public KeysUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
