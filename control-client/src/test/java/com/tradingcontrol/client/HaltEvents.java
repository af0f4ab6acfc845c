package com.tradingcontrol.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the fast-halt notifications a listener hears, in order, and waits for one with a deadline. */
final class HaltEvents implements ControlClientListener {

    private final List<String> heard = new CopyOnWriteArrayList<>();

    @Override
    public synchronized void onHaltSignal(String commandId, String scope) {
        heard.add("signal " + commandId + " " + scope);
        notifyAll();
    }

    @Override
    public synchronized void onHaltRetracted(String commandId, String scope, String why) {
        heard.add("retracted " + commandId + " " + scope + " " + why);
        notifyAll();
    }

    List<String> heard() {
        return List.copyOf(heard);
    }

    /** Waits until a notification starting with {@code prefix} was heard; returns it. */
    synchronized String await(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (String event : heard) {
                if (event.startsWith(prefix)) {
                    return event;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("not heard within " + timeout + ": " + prefix + "; heard " + heard);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
