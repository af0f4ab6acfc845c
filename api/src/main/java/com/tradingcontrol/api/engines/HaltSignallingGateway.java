package com.tradingcontrol.api.engines;

import com.tradingcontrol.api.ports.CommandGateway;
import com.tradingcontrol.api.ports.CommandRequest;
import com.tradingcontrol.api.ports.Outcome;
import com.tradingcontrol.api.ports.SubmitResult;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The command bus with the fast halt path in front: a command reaches {@link #submit} only once the API's
 * authentication, authorization and validation passed (and an Idempotency-Key reuse or a 429 was
 * refused before it), so a restricting command is signalled to engines here, alongside its submission.
 */
public final class HaltSignallingGateway implements CommandGateway {
    private final CommandGateway commands;
    private final HaltSignalPublisher signals;

    public HaltSignallingGateway(CommandGateway commands, HaltSignalPublisher signals) {
        this.commands = commands;
        this.signals = signals;
    }

    @Override
    public CompletionStage<SubmitResult> submit(CommandRequest request) {
        signals.publish(request);
        return commands.submit(request);
    }

    @Override
    public Optional<Outcome> outcome(String commandId) {
        return commands.outcome(commandId);
    }

    @Override
    public CompletionStage<Optional<Outcome>> await(String commandId, Duration timeout) {
        return commands.await(commandId, timeout);
    }
}
