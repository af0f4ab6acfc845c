package com.tradingcontrol.client.internals;

import java.util.function.LongSupplier;

/**
 * The fail-closed lease: the reader confirms "caught up as of t" (t = when it asked for the end
 * offsets, so the confirmation never claims more than it knows); the view is fresh while
 * {@code now - t <= lease}. Read at every decision without locks (a volatile long).
 */
final class Lease {

    private static final long NEVER = Long.MIN_VALUE;

    private final long leaseNanos;
    private final LongSupplier ticker;
    private volatile long confirmedAt = NEVER;
    private volatile boolean revoked;

    Lease(long leaseNanos, LongSupplier ticker) {
        this.leaseNanos = leaseNanos;
        this.ticker = ticker;
    }

    /** The reader was caught up as of {@code askedAtNanos} (a reading of this lease's ticker). */
    void confirm(long askedAtNanos) {
        if (!revoked && (confirmedAt == NEVER || askedAtNanos - confirmedAt > 0)) {
            confirmedAt = askedAtNanos;
        }
    }

    /** For good: the reader is gone (closed or dead). */
    void revoke() {
        revoked = true;
    }

    boolean everConfirmed() {
        return confirmedAt != NEVER;
    }

    boolean isStale() {
        long confirmed = confirmedAt;
        return revoked || confirmed == NEVER || ticker.getAsLong() - confirmed > leaseNanos;
    }

    /** Nanoseconds since the last confirmation, or -1 if never. */
    long sinceConfirmedNanos() {
        long confirmed = confirmedAt;
        return confirmed == NEVER ? -1 : ticker.getAsLong() - confirmed;
    }

    long nanos() {
        return ticker.getAsLong();
    }

    long leaseNanos() {
        return leaseNanos;
    }
}
