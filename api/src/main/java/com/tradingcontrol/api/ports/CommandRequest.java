package com.tradingcontrol.api.ports;

import com.tradingcontrol.api.auth.Caller;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A command as the API hands it to the command bus.
 *
 * @param commandId       the client's Idempotency-Key or a generated id
 * @param commandType     e.g. {@code PauseTrading}
 * @param aggregateId     Kafka key (scope, config key or profile id)
 * @param payload         command fields after shape validation
 * @param actor           who asked
 * @param requestId       the HTTP x-request-id, carried into Kafka headers and the envelope
 * @param expectedVersion optimistic-concurrency version, or {@code null}
 * @param requestedAt     when the API received it
 */
public record CommandRequest(String commandId, String commandType, String aggregateId, Map<String, Object> payload,
                             Caller actor, String requestId, Long expectedVersion, Instant requestedAt) {
    public CommandRequest {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(commandType, "commandType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(requestedAt, "requestedAt");
        payload = Map.copyOf(payload);
    }
}
