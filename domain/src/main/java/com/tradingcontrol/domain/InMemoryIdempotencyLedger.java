package com.tradingcontrol.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A map-backed ledger for tests and single-process tools. Not thread-safe. */
public final class InMemoryIdempotencyLedger implements IdempotencyLedger {

    private final Map<String, Decision> decisions = new HashMap<>();

    @Override
    public Optional<Decision> find(String commandId) {
        return Optional.ofNullable(decisions.get(commandId));
    }

    @Override
    public void record(String commandId, Decision decision) {
        Decision previous = decisions.putIfAbsent(commandId, decision);
        if (previous != null && !previous.equals(decision)) {
            throw new IllegalStateException("command " + commandId + " already has a recorded decision");
        }
    }

    public int size() {
        return decisions.size();
    }
}
