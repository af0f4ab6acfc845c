package com.tradingcontrol.api.commands;

import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.ports.CommandPayload;
import com.tradingcontrol.api.ports.CommandRequest;
import com.tradingcontrol.api.requestid.RequestId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

/** Builds {@link CommandRequest}s: command id from the caller-scoped Idempotency-Key or a new UUID, the request id, the time. */
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
        String commandId = key != null ? commandIdFor(caller, key) : UUID.randomUUID().toString();
        return new CommandRequest(commandId, aggregateId, payload, caller, requestId.value(), expectedVersion,
                clock.instant());
    }

    /**
     * The command id of an Idempotency-Key, scoped to the caller: the processors deduplicate by
     * command id alone, so an unscoped key would let one caller receive another caller's outcome
     * by reusing (or guessing) its key. A name-based UUID keeps retries by the same caller stable.
     */
    static String commandIdFor(Caller caller, String idempotencyKey) {
        String scoped = "idempotency-key\n" + caller.subject() + "\n" + idempotencyKey;
        return UUID.nameUUIDFromBytes(scoped.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
