package com.tradingcontrol.projections.store;

import java.time.Duration;

/** 429 - the store is rate limiting even after the adapter's own retries; wait {@link #retryAfter()}. */
public class ThrottledException extends ProjectionStoreException {

    private final Duration retryAfter;

    public ThrottledException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter == null ? Duration.ZERO : retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
