package com.tradingcontrol.projections.store;

/** Base of every failure the port reports; adapters never leak their own exception types. */
public class ProjectionStoreException extends RuntimeException {

    public ProjectionStoreException(String message) {
        super(message);
    }

    public ProjectionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
