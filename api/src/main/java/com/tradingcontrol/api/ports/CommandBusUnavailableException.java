package com.tradingcontrol.api.ports;

/** The command bus did not acknowledge the command in time; the API answers 503 with Retry-After. */
public final class CommandBusUnavailableException extends RuntimeException {
    public CommandBusUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
