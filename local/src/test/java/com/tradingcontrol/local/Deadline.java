package com.tradingcontrol.local;

import java.time.Duration;

/** Waits for a condition with a deadline instead of sleeping a fixed time. */
final class Deadline {

    /** A condition that may throw (an AssertionError thrown by it ends the wait at once). */
    @FunctionalInterface
    interface Condition {
        boolean met() throws Exception;
    }

    private static final long POLL_MILLIS = 100;

    private Deadline() {
    }

    /** Returns how long the wait took; fails with {@code what} when the deadline passes first. */
    static Duration await(String what, Duration timeout, Condition condition) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (!condition.met()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(POLL_MILLIS);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
