package com.tradingcontrol.api.commands;

import java.util.HashMap;
import java.util.Map;

/**
 * Caps the {@code Prefer: wait} requests one principal (token subject) has open at once, so one
 * caller cannot tie up the instance's waiting capacity for everybody else.
 */
public final class WaitLimiter {
    private final int maxPerPrincipal;
    private final Map<String, Integer> waiting = new HashMap<>();

    public WaitLimiter(int maxPerPrincipal) {
        if (maxPerPrincipal < 1) {
            throw new IllegalArgumentException("maxPerPrincipal must be >= 1");
        }
        this.maxPerPrincipal = maxPerPrincipal;
    }

    public int maxPerPrincipal() {
        return maxPerPrincipal;
    }

    /** Takes a slot for {@code principal}; false (and nothing taken) when it already holds the maximum. */
    public synchronized boolean tryAcquire(String principal) {
        int held = waiting.getOrDefault(principal, 0);
        if (held >= maxPerPrincipal) {
            return false;
        }
        waiting.put(principal, held + 1);
        return true;
    }

    public synchronized void release(String principal) {
        // Entries disappear at zero, so the map holds only principals that are waiting right now.
        waiting.computeIfPresent(principal, (key, held) -> held <= 1 ? null : held - 1);
    }

    synchronized int held(String principal) {
        return waiting.getOrDefault(principal, 0);
    }
}
