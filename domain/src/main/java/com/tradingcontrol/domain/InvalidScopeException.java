package com.tradingcontrol.domain;

/**
 * A scope string that does not follow the grammar. Adapters that parse scopes from the wire
 * should turn this into {@code Decision.rejected(VALIDATION_FAILED, e.getMessage())}.
 */
public class InvalidScopeException extends IllegalArgumentException {
    public InvalidScopeException(String message) {
        super(message);
    }
}
