package com.tradingcontrol.projections.store;

/** 409 - an IF_ABSENT write found an existing document. */
public class ConflictException extends ProjectionStoreException {

    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
