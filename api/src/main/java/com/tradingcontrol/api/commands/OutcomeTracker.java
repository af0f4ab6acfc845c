package com.tradingcontrol.api.commands;

import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.auth.Roles;
import com.tradingcontrol.api.ports.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What this API instance knows about commands: who submitted which (so a customer sees only its
 * own), which ones Kafka acknowledged, and the outcomes read from {@code trading.command-outcomes}.
 * Bounded: the least recently touched entries are dropped first, so memory stays flat however long
 * the instance runs (an evicted command answers 404, like one submitted elsewhere long ago).
 */
public final class OutcomeTracker {
    /** What a caller may learn about a command. */
    public sealed interface Status {
        record Unknown() implements Status {}

        record Pending(String commandId) implements Status {}

        record Decided(Outcome outcome) implements Status {}
    }

    private static final class Entry {
        Caller submitter;
        boolean acknowledged;
        Outcome outcome;
    }

    private final Map<String, Entry> entries;
    private final Map<String, List<CompletableFuture<Outcome>>> waiters = new HashMap<>();

    public OutcomeTracker(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1");
        }
        // An access-ordered LinkedHashMap is the LRU cache; a library cache would add a dependency for ten lines.
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Remembers who submits {@code commandId}, before it is sent. */
    public synchronized void submitting(String commandId, Caller submitter) {
        Entry entry = entries.computeIfAbsent(commandId, id -> new Entry());
        if (entry.submitter == null) {
            entry.submitter = submitter;
        }
    }

    /** Kafka acknowledged the command: it is PENDING until its outcome arrives. */
    public synchronized void acknowledged(String commandId) {
        entries.computeIfAbsent(commandId, id -> new Entry()).acknowledged = true;
    }

    /** An outcome from the outcomes topic; wakes everybody waiting for it. Repeats (idempotent resubmits) are harmless. */
    public void record(Outcome outcome) {
        List<CompletableFuture<Outcome>> woken;
        synchronized (this) {
            Entry entry = entries.computeIfAbsent(outcome.commandId(), id -> new Entry());
            entry.outcome = outcome;
            woken = waiters.remove(outcome.commandId());
        }
        if (woken != null) {
            woken.forEach(future -> future.complete(outcome));
        }
    }

    /** The outcome if known, regardless of who asks (the submitter has just been authorized for it). */
    public synchronized Optional<Outcome> outcome(String commandId) {
        Entry entry = entries.get(commandId);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.outcome);
    }

    /** Completes with the outcome as soon as it is known, or empty after {@code timeout}. */
    public synchronized CompletableFuture<Optional<Outcome>> await(String commandId, Duration timeout) {
        Entry entry = entries.get(commandId);
        if (entry != null && entry.outcome != null) {
            return CompletableFuture.completedFuture(Optional.of(entry.outcome));
        }
        CompletableFuture<Outcome> future = new CompletableFuture<>();
        waiters.computeIfAbsent(commandId, id -> new ArrayList<>()).add(future);
        return future.thenApply(Optional::of)
                .completeOnTimeout(Optional.empty(), timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((result, error) -> forget(commandId, future));
    }

    private synchronized void forget(String commandId, CompletableFuture<Outcome> future) {
        List<CompletableFuture<Outcome>> list = waiters.get(commandId);
        if (list != null && list.remove(future) && list.isEmpty()) {
            waiters.remove(commandId);
        }
    }

    /**
     * What {@code caller} may see of {@code commandId}. Staff see every command; a customer sees only the
     * commands it submitted itself (same subject and tenant) through this instance: another user of the
     * same tenant, or an outcome whose submitter this instance does not know, is {@link Status.Unknown},
     * indistinguishable from a command that does not exist.
     */
    public synchronized Status statusFor(String commandId, Caller caller) {
        Entry entry = entries.get(commandId);
        if (entry == null || !visibleTo(entry, caller)) {
            return new Status.Unknown();
        }
        if (entry.outcome != null) {
            return new Status.Decided(entry.outcome);
        }
        return entry.acknowledged ? new Status.Pending(commandId) : new Status.Unknown();
    }

    synchronized int size() {
        return entries.size();
    }

    private static boolean visibleTo(Entry entry, Caller caller) {
        if (caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.OPERATOR) || caller.hasRole(Roles.AUDITOR)) {
            return true;
        }
        Caller submitter = entry.submitter;
        return submitter != null && caller.tenantId() != null
                && caller.subject().equals(submitter.subject()) && caller.tenantId().equals(submitter.tenantId());
    }
}
