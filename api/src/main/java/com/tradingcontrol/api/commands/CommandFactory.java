package com.tradingcontrol.api.commands;

import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.ports.CommandPayload;
import com.tradingcontrol.api.ports.CommandRequest;
import com.tradingcontrol.api.requestid.RequestId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

/**
 * Builds {@link CommandRequest}s: the command id (from the caller, the Idempotency-Key and the request's
 * fingerprint, or a new UUID without a key), the request id, the time.
 */
public final class CommandFactory {
    private final Clock clock;

    public CommandFactory(Clock clock) {
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    /** @param route method and path of the request ({@link CommandHeaders#route()}), part of the fingerprint */
    public CommandRequest create(String idempotencyKey, String route, String aggregateId, CommandPayload payload,
                                 Caller caller, RequestId requestId, Long expectedVersion) {
        String key = CommandInputs.idempotencyKey(idempotencyKey);
        if (key == null) {
            return new CommandRequest(UUID.randomUUID().toString(), aggregateId, payload, caller, requestId.value(),
                    expectedVersion, clock.instant());
        }
        String fingerprint = RequestFingerprint.of(caller.subject(), route, aggregateId, expectedVersion, payload);
        return new CommandRequest(commandIdFor(caller, key, fingerprint), aggregateId, payload, caller,
                requestId.value(), expectedVersion, clock.instant(), new CommandRequest.Idempotency(key, fingerprint));
    }

    /**
     * The command id of an Idempotency-Key: scoped to the caller (the processors deduplicate by command
     * id alone, so an unscoped key would let one caller receive another caller's outcome by reusing or
     * guessing its key) and to the request's fingerprint, so a different request under the same key gets
     * a different id and can never be taken for the first one, in whatever partition it lands. That the
     * key was reused is detected by the processors' idempotency gate (docs/api.md "Idempotency").
     */
    static String commandIdFor(Caller caller, String idempotencyKey, String fingerprint) {
        String scoped = "idempotency-key\n" + caller.subject() + "\n" + idempotencyKey + "\n" + fingerprint;
        return UUID.nameUUIDFromBytes(scoped.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
