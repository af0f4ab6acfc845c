package com.tradingcontrol.projections.store.sqlite;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Etags of the embedded store: a random prefix per instance plus a counter, unique across every
 * store (and process) sharing the file like a UUID per write, but without drawing from
 * {@code SecureRandom} for each of the many writes of a replay.
 */
final class Etags {

    private final String prefix = UUID.randomUUID() + "-";
    private final AtomicLong counter = new AtomicLong();

    String next() {
        return prefix + Long.toHexString(counter.incrementAndGet());
    }
}
