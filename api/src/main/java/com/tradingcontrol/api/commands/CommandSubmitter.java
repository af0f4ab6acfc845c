package com.tradingcontrol.api.commands;

import com.tradingcontrol.api.ports.CommandBusUnavailableException;
import com.tradingcontrol.api.ports.CommandGateway;
import com.tradingcontrol.api.ports.CommandRequest;
import com.tradingcontrol.api.ports.Outcome;
import com.tradingcontrol.api.ports.ReadBarrier;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits a command and turns what happens into the HTTP answer: 503 when Kafka did not take it,
 * 202 once it did, or with {@code Prefer: wait} the outcome. Before a waited 200 it waits (within
 * the same budget) until the read models that cover the aggregate show the resulting version, so a
 * read through this instance right after reflects the change (read-your-writes).
 */
public final class CommandSubmitter {
    private static final Logger LOG = LoggerFactory.getLogger(CommandSubmitter.class);
    /** Even a short wait gets this long for the read models, so read-your-writes rarely degrades. */
    private static final Duration MIN_BARRIER_WAIT = Duration.ofSeconds(2);

    private final CommandGateway gateway;
    private final List<ReadBarrier> barriers;
    private final Duration maxWait;
    private final Duration retryAfter;

    public CommandSubmitter(CommandGateway gateway, List<ReadBarrier> barriers, Duration maxWait, Duration retryAfter) {
        this.gateway = gateway;
        this.barriers = List.copyOf(barriers);
        this.maxWait = maxWait;
        this.retryAfter = retryAfter;
    }

    /** @param prefer the raw {@code Prefer} header, may be null */
    public Response submit(CommandRequest request, String prefer) throws InterruptedException {
        try {
            gateway.submit(request).toCompletableFuture().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CommandBusUnavailableException unavailable) {
                LOG.warn("Command {} not acknowledged: {}", request.commandId(), unavailable.getMessage());
                return CommandResponses.unavailable(request.commandId(), retryAfter, "Kafka did not acknowledge the "
                        + "command in time; retry with the same Idempotency-Key (" + request.commandId()
                        + "): the same key yields the same outcome and never a second change.");
            }
            throw new IllegalStateException("Submitting command " + request.commandId() + " failed", e.getCause());
        }
        Optional<Duration> wait = PreferWait.parse(prefer, maxWait);
        if (wait.isEmpty()) {
            return CommandResponses.pending(request.commandId());
        }
        long deadline = System.nanoTime() + wait.get().toNanos();
        Optional<Outcome> outcome = awaitOutcome(request.commandId(), wait.get());
        if (outcome.isEmpty()) {
            return CommandResponses.pending(request.commandId());
        }
        if (outcome.get().status() == Outcome.Status.REJECTED) {
            return CommandResponses.rejected(outcome.get());
        }
        awaitReadModels(outcome.get(), deadline);
        return CommandResponses.accepted(outcome.get());
    }

    private Optional<Outcome> awaitOutcome(String commandId, Duration wait) throws InterruptedException {
        try {
            return gateway.await(commandId, wait).toCompletableFuture().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Waiting for the outcome of " + commandId + " failed", e.getCause());
        }
    }

    private void awaitReadModels(Outcome outcome, long deadline) throws InterruptedException {
        if (outcome.resultingVersion() == null) {
            return;
        }
        Duration budget = Duration.ofNanos(Math.max(deadline - System.nanoTime(), MIN_BARRIER_WAIT.toNanos()));
        for (ReadBarrier barrier : barriers) {
            if (barrier.covers(outcome.aggregateId())
                    && !barrier.awaitVersion(outcome.aggregateId(), outcome.resultingVersion(), budget)) {
                LOG.warn("Read model {} did not reach {}@{} in {}; answering without read-your-writes",
                        barrier.getClass().getSimpleName(), outcome.aggregateId(), outcome.resultingVersion(), budget);
            }
        }
    }
}
