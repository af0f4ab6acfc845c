package com.tradingcontrol.api.commands;

import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.ports.CommandPayload;
import com.tradingcontrol.api.ports.CommandRequest;
import com.tradingcontrol.api.requestid.RequestId;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/** What the command resources share: build the request, submit, answer. */
public final class CommandEndpoint {
    private final CommandFactory factory;
    private final CommandSubmitter submitter;

    public CommandEndpoint(CommandFactory factory, CommandSubmitter submitter) {
        this.factory = factory;
        this.submitter = submitter;
    }

    public Instant now() {
        return factory.clock().instant();
    }

    /** Completes with the answer; the request thread is not held while the command is sent or awaited. */
    public CompletionStage<Response> submit(CommandHeaders headers, RequestId requestId, Caller caller,
                                            String aggregateId, CommandPayload payload, Long expectedVersion) {
        CommandRequest request = factory.create(headers.idempotencyKey, aggregateId, payload, caller, requestId,
                expectedVersion);
        return submitter.submit(request, headers.prefer);
    }
}
