package com.tradingcontrol.client;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition on a client with a deadline, woken by the client's own notifications (and
 * re-checking every 50 ms at most, for what no notification announces, such as a lease running out
 * in the middle of a tick). No fixed sleeps.
 */
public final class Awaiting {

    private Awaiting() {
    }

    public static void until(ControlClient client, Duration timeout, String what, BooleanSupplier condition)
            throws Exception {
        Semaphore events = new Semaphore(0);
        ControlClientListener wake = new ControlClientListener() {
            @Override
            public void onDecisionsMayHaveChanged(long viewVersion) {
                events.release();
            }

            @Override
            public void onConfigChanged(String key) {
                events.release();
            }
        };
        try (AutoCloseable ignored = client.addListener(wake)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("not within " + timeout + ": " + what);
                }
                events.tryAcquire(50, TimeUnit.MILLISECONDS);
            }
        }
    }
}
