package com.tradingcontrol.projections.store;

/** The store cannot be reached or answered with a transient server error; retry later. */
public class StoreUnavailableException extends ProjectionStoreException {

    public StoreUnavailableException(String message) {
        super(message);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
