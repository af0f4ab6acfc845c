package com.tradingcontrol.api.commands;

import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.ports.CommandPayload;
import com.tradingcontrol.api.ports.CommandRequest;
import com.tradingcontrol.api.requestid.RequestId;
import java.time.Clock;
import java.util.UUID;

/** Builds {@link CommandRequest}s: command id from the Idempotency-Key or a new UUID, the request id, the time. */
public final class CommandFactory {
    private final Clock clock;

    public CommandFactory(Clock clock) {
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    public CommandRequest create(String idempotencyKey, String aggregateId, CommandPayload payload, Caller caller,
                                 RequestId requestId, Long expectedVersion) {
        String key = CommandInputs.idempotencyKey(idempotencyKey);
        String commandId = key != null ? key : UUID.randomUUID().toString();
        return new CommandRequest(commandId, aggregateId, payload, caller, requestId.value(), expectedVersion,
                clock.instant());
    }
}
