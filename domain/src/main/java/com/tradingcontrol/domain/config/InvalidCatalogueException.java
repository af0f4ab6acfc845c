package com.tradingcontrol.domain.config;

/** The config catalogue file is malformed; the message names the file and the offending key. */
public class InvalidCatalogueException extends RuntimeException {
    public InvalidCatalogueException(String message) {
        super(message);
    }

    public InvalidCatalogueException(String message, Throwable cause) {
        super(message, cause);
    }
}
