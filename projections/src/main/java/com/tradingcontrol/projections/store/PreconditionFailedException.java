package com.tradingcontrol.projections.store;

/** 412 - an IF_MATCH write found a different etag, or no document at all. */
public class PreconditionFailedException extends ProjectionStoreException {

    public PreconditionFailedException(String message) {
        super(message);
    }

    public PreconditionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
