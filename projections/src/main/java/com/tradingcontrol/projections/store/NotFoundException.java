package com.tradingcontrol.projections.store;

/** 404 - the document (or container) does not exist. */
public class NotFoundException extends ProjectionStoreException {

    public NotFoundException(String message) {
        super(message);
    }

    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
