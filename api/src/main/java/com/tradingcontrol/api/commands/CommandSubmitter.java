package com.tradingcontrol.api.commands;

import com.tradingcontrol.api.ports.CommandBusUnavailableException;
import com.tradingcontrol.api.ports.CommandGateway;
import com.tradingcontrol.api.ports.CommandRequest;
import com.tradingcontrol.api.ports.Outcome;
import com.tradingcontrol.api.ports.SubmitResult;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits a command and turns what happens into the HTTP answer: 503 when Kafka did not take it,
 * 202 once it did, or with {@code Prefer: wait} the outcome. A waited 200 claims read-your-writes
 * ({@code Read-Models: current}) only when the read models covering the aggregate show the
 * resulting version; otherwise it says {@code Read-Models: lagging}. One deadline, taken when the
 * command is handed over, bounds the acknowledgement, the outcome and the read models together.
 *
 * <p>Everything after the submission is asynchronous: the request thread is released at once and
 * the answer is completed on the shared wait scheduler, with the request's logging context.
 */
public final class CommandSubmitter {
    private static final Logger LOG = LoggerFactory.getLogger(CommandSubmitter.class);
    /** A refused waiter may retry as soon as one of its waits ends; a second is a fair guess. */
    static final Duration TOO_MANY_WAITS_RETRY_AFTER = Duration.ofSeconds(1);

    private final CommandGateway gateway;
    private final CommandWaits waits;
    private final Duration retryAfter;

    public CommandSubmitter(CommandGateway gateway, CommandWaits waits, Duration retryAfter) {
        this.gateway = gateway;
        this.waits = waits;
        this.retryAfter = retryAfter;
    }

    /** @param prefer the raw {@code Prefer} header, may be null */
    public CompletionStage<Response> submit(CommandRequest request, String prefer) {
        Optional<Duration> wait = PreferWait.parse(prefer, waits.maxWait());
        Executor inRequest = RequestContext.carryingMdc(waits.scheduler());
        if (wait.isEmpty()) {
            return onExecutor(send(request, ack -> CompletableFuture.completedFuture(
                    CommandResponses.pending(request.commandId())), inRequest), inRequest);
        }
        long deadline = System.nanoTime() + wait.get().toNanos();
        String principal = request.actor().subject();
        // Checked before anything is sent: a refused request changes nothing.
        if (!waits.limiter().tryAcquire(principal)) {
            waits.refused().inc();
            LOG.info("Refused a waited command of {}: already {} waiting", principal, waits.limiter().maxPerPrincipal());
            return CompletableFuture.completedFuture(
                    CommandResponses.tooManyWaits(waits.limiter().maxPerPrincipal(), TOO_MANY_WAITS_RETRY_AFTER));
        }
        CompletionStage<Response> answer = send(request, ack -> awaitOutcome(request.commandId(), deadline, inRequest),
                inRequest);
        return onExecutor(answer.whenComplete((response, error) -> waits.limiter().release(principal)), inRequest);
    }

    /** 503 when the bus did not take the command, else what {@code acknowledged} answers. */
    private CompletionStage<Response> send(CommandRequest request,
                                           Function<SubmitResult, CompletionStage<Response>> acknowledged,
                                           Executor inRequest) {
        return guarded(() -> gateway.submit(request)).handleAsync((ack, error) -> {
            if (error == null) {
                return acknowledged.apply(ack);
            }
            Throwable cause = unwrap(error);
            if (cause instanceof CommandBusUnavailableException unavailable) {
                LOG.warn("Command {} not acknowledged: {}", request.commandId(), unavailable.getMessage());
                return CompletableFuture.completedFuture(notAcknowledged(request.commandId()));
            }
            return CompletableFuture.<Response>failedFuture(
                    new IllegalStateException("Submitting command " + request.commandId() + " failed", cause));
        }, inRequest).thenCompose(stage -> stage);
    }

    private Response notAcknowledged(String commandId) {
        return CommandResponses.unavailable(commandId, retryAfter, "Kafka did not acknowledge the command in time; "
                + "retry with the same Idempotency-Key (" + commandId + "): the same key yields the same outcome "
                + "and never a second change.");
    }

    private CompletionStage<Response> awaitOutcome(String commandId, long deadline, Executor inRequest) {
        Duration remaining = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        return guarded(() -> gateway.await(commandId, remaining)).thenComposeAsync(outcome -> {
            if (outcome.isEmpty()) {
                return CompletableFuture.completedFuture(CommandResponses.pending(commandId));
            }
            Outcome decided = outcome.get();
            if (decided.status() == Outcome.Status.REJECTED) {
                return CompletableFuture.completedFuture(CommandResponses.rejected(decided));
            }
            if (decided.resultingVersion() == null) {
                return CompletableFuture.completedFuture(CommandResponses.accepted(decided, true));
            }
            return waits.readYourWrites().reached(decided.aggregateId(), decided.resultingVersion(), deadline)
                    .thenApplyAsync(current -> {
                        if (!current) {
                            waits.lagging().inc();
                        }
                        return CommandResponses.accepted(decided, current);
                    }, inRequest);
        }, inRequest);
    }

    /**
     * Completes on {@code inRequest}, with the cause unwrapped: Jersey resumes the request on the
     * completing thread and maps the throwable as given, so neither a Kafka client thread nor a
     * {@link CompletionException} wrapper may reach it.
     */
    private static CompletionStage<Response> onExecutor(CompletionStage<Response> stage, Executor inRequest) {
        CompletableFuture<Response> answer = new CompletableFuture<>();
        stage.whenComplete((response, error) -> inRequest.execute(() -> {
            if (error != null) {
                answer.completeExceptionally(unwrap(error));
            } else {
                answer.complete(response);
            }
        }));
        return answer;
    }

    private static <T> CompletionStage<T> guarded(Supplier<CompletionStage<T>> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
