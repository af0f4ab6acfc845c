package com.tradingcontrol.api.ports;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Port to the command bus (Kafka: {@code trading.commands} and {@code trading.command-outcomes}). */
public interface CommandGateway {
    /**
     * Completes once the bus acknowledged the command, or exceptionally with
     * {@link CommandBusUnavailableException} within the configured timeout. Never completes
     * successfully for a command the bus did not take.
     */
    CompletionStage<SubmitResult> submit(CommandRequest request);

    /** The outcome if it is already known to this instance. */
    Optional<Outcome> outcome(String commandId);

    /** Completes with the outcome as soon as it is known, or empty after {@code timeout}. */
    CompletionStage<Optional<Outcome>> await(String commandId, Duration timeout);
}
