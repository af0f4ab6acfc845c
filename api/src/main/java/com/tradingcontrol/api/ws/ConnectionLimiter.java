package com.tradingcontrol.api.ws;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Caps the websocket connections one principal (token subject) holds on this instance, over both
 * channels together. A slot is taken at the handshake and given back when the connection closes
 * (or when the upgrade does not happen after all).
 */
public final class ConnectionLimiter {
    /** One held slot; releasing it twice gives back one slot. */
    public final class Lease {
        private final String principal;
        private final AtomicBoolean released = new AtomicBoolean();
        private final AtomicBoolean claimed = new AtomicBoolean();

        private Lease(String principal) {
            this.principal = principal;
        }

        /** A connection endpoint took this lease over; it releases it when the connection closes. */
        void claim() {
            claimed.set(true);
        }

        boolean claimed() {
            return claimed.get();
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                returnSlot(principal);
            }
        }
    }

    private final int maxPerPrincipal;
    private final Map<String, Integer> open = new HashMap<>();

    public ConnectionLimiter(int maxPerPrincipal) {
        if (maxPerPrincipal < 1) {
            throw new IllegalArgumentException("maxPerPrincipal must be >= 1");
        }
        this.maxPerPrincipal = maxPerPrincipal;
    }

    public int maxPerPrincipal() {
        return maxPerPrincipal;
    }

    /** A slot for {@code principal}, or empty when it already holds the maximum. */
    public synchronized Optional<Lease> tryAcquire(String principal) {
        int held = open.getOrDefault(principal, 0);
        if (held >= maxPerPrincipal) {
            return Optional.empty();
        }
        open.put(principal, held + 1);
        return Optional.of(new Lease(principal));
    }

    public synchronized int held(String principal) {
        return open.getOrDefault(principal, 0);
    }

    private synchronized void returnSlot(String principal) {
        // Entries disappear at zero, so the map only holds principals that are connected right now.
        open.computeIfPresent(principal, (key, held) -> held <= 1 ? null : held - 1);
    }
}
