package com.tradingcontrol.api.ports;

import com.tradingcontrol.api.auth.Caller;
import java.time.Instant;
import java.util.Objects;

/**
 * A command as the API hands it to the command bus.
 *
 * @param commandId       the client's Idempotency-Key or a generated id
 * @param aggregateId     Kafka key (scope, {@code config:<key>} or {@code profile:<tenant>:<id>})
 * @param payload         the command after shape validation
 * @param actor           who asked
 * @param requestId       the HTTP x-request-id, carried into Kafka headers and the envelope
 * @param expectedVersion optimistic-concurrency version, or {@code null}
 * @param requestedAt     when the API received it
 * @param idempotency     the client's Idempotency-Key and the request's fingerprint, or {@code null}
 */
public record CommandRequest(String commandId, String aggregateId, CommandPayload payload, Caller actor,
                             String requestId, Long expectedVersion, Instant requestedAt, Idempotency idempotency) {
    /** An Idempotency-Key bound to the fingerprint of the request that carries it. */
    public record Idempotency(String key, String fingerprint) {
        public Idempotency {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(fingerprint, "fingerprint");
        }
    }

    /** A command without an Idempotency-Key. */
    public CommandRequest(String commandId, String aggregateId, CommandPayload payload, Caller actor,
                          String requestId, Long expectedVersion, Instant requestedAt) {
        this(commandId, aggregateId, payload, actor, requestId, expectedVersion, requestedAt, null);
    }

    public CommandRequest {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    public String commandType() {
        return payload.type();
    }
}
