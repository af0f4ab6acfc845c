package com.tradingcontrol.api.commands;

import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.ports.CommandPayload;
import com.tradingcontrol.api.ports.CommandRequest;
import com.tradingcontrol.api.requestid.RequestId;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** What the command resources share: build the request, refuse a known Idempotency-Key reuse, submit, answer. */
public final class CommandEndpoint {
    private final CommandFactory factory;
    private final CommandSubmitter submitter;
    private final IdempotencyKeys keys;

    public CommandEndpoint(CommandFactory factory, CommandSubmitter submitter, IdempotencyKeys keys) {
        this.factory = factory;
        this.submitter = submitter;
        this.keys = keys;
    }

    public Instant now() {
        return factory.clock().instant();
    }

    /** Completes with the answer; the request thread is not held while the command is sent or awaited. */
    public CompletionStage<Response> submit(CommandHeaders headers, RequestId requestId, Caller caller,
                                            String aggregateId, CommandPayload payload, Long expectedVersion) {
        CommandRequest request = factory.create(headers.idempotencyKey, headers.route(), aggregateId, payload, caller,
                requestId, expectedVersion);
        var first = keys.reusedBy(request);
        if (first.isPresent()) {
            // Known here already: answered without sending anything (the processors' gate would refuse it too).
            return CompletableFuture.completedFuture(CommandResponses.keyReused(request.idempotency().key(), first.get()));
        }
        keys.submitting(request);
        return submitter.submit(request, headers.prefer);
    }
}
