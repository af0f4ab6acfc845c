package com.tradingcontrol.api.commands;

import com.tradingcontrol.api.ports.CommandRequest;
import com.tradingcontrol.api.ports.Outcome;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * This instance's view of Idempotency-Key bindings, so a reuse it can already recognise is answered
 * 422 at once, before anything is sent. Only a binding the processors' gate has confirmed counts (an
 * outcome arrived for the command, and it was not refused as a reuse or as unauthenticated): the
 * first use may have gone through another instance, and the gate, not this cache, is the authority.
 * Bounded like {@link OutcomeTracker}: an evicted binding just means the gate answers instead.
 */
public final class IdempotencyKeys {
    private record Binding(String scope, String fingerprint, String commandId) {}

    private final Map<String, Binding> submitted;
    private final Map<String, Binding> confirmed;

    public IdempotencyKeys(int capacity) {
        this.submitted = lru(capacity);
        this.confirmed = lru(capacity);
    }

    /** Remembers a keyed command this instance sends, until its outcome confirms or refuses the binding. */
    public synchronized void submitting(CommandRequest request) {
        if (request.idempotency() != null) {
            submitted.put(request.commandId(), new Binding(scope(request), request.idempotency().fingerprint(),
                    request.commandId()));
        }
    }

    /** An outcome from trading.command-outcomes; confirms the binding of a command sent from here. */
    public synchronized void decided(Outcome outcome) {
        Binding binding = submitted.remove(outcome.commandId());
        if (binding == null || "IDEMPOTENCY_KEY_REUSED".equals(outcome.code())
                || "UNAUTHENTICATED_COMMAND".equals(outcome.code())) {
            return;
        }
        confirmed.putIfAbsent(binding.scope(), binding);
    }

    /** The first command's id when {@code request} reuses a confirmed key with another fingerprint. */
    public synchronized Optional<String> reusedBy(CommandRequest request) {
        if (request.idempotency() == null) {
            return Optional.empty();
        }
        Binding first = confirmed.get(scope(request));
        if (first == null || first.fingerprint().equals(request.idempotency().fingerprint())) {
            return Optional.empty();
        }
        return Optional.of(first.commandId());
    }

    private static String scope(CommandRequest request) {
        return request.actor().subject() + "\n" + request.idempotency().key();
    }

    private static <V> Map<String, V> lru(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1");
        }
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
