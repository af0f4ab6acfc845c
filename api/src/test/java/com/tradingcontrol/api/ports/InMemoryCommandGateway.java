package com.tradingcontrol.api.ports;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Test fake of the command bus: takes commands while "available" and lets the test decide outcomes. */
public final class InMemoryCommandGateway implements CommandGateway {
    private final Map<String, CommandRequest> submitted = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Outcome>> outcomes = new ConcurrentHashMap<>();
    private final AtomicBoolean available = new AtomicBoolean(true);
    private final AtomicLong offsets = new AtomicLong();

    public void setAvailable(boolean value) {
        available.set(value);
    }

    public Optional<CommandRequest> submitted(String commandId) {
        return Optional.ofNullable(submitted.get(commandId));
    }

    /** Every command taken so far. */
    public java.util.List<CommandRequest> all() {
        return java.util.List.copyOf(submitted.values());
    }

    /** What the processors would publish on trading.command-outcomes. */
    public void decide(Outcome outcome) {
        future(outcome.commandId()).complete(outcome);
    }

    @Override
    public CompletionStage<SubmitResult> submit(CommandRequest request) {
        if (!available.get()) {
            return CompletableFuture.failedFuture(new CommandBusUnavailableException("bus unavailable", null));
        }
        submitted.putIfAbsent(request.commandId(), request);
        return CompletableFuture.completedFuture(new SubmitResult(request.commandId(), 0, offsets.getAndIncrement()));
    }

    @Override
    public Optional<Outcome> outcome(String commandId) {
        CompletableFuture<Outcome> future = outcomes.get(commandId);
        return future == null || !future.isDone() ? Optional.empty() : Optional.of(future.join());
    }

    @Override
    public CompletionStage<Optional<Outcome>> await(String commandId, Duration timeout) {
        return future(commandId).thenApply(Optional::of)
                .completeOnTimeout(Optional.empty(), timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private CompletableFuture<Outcome> future(String commandId) {
        return outcomes.computeIfAbsent(commandId, id -> new CompletableFuture<>());
    }
}
