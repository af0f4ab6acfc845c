package com.tradingcontrol.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A command with its context. Structural fields are required (a record without them is not a
 * command at all and belongs in the DLQ); the payload's own fields are validated by the deciders
 * so that bad content ends in a {@link Decision.Rejected} with a code.
 *
 * @param expectedVersion optimistic-concurrency guard: the aggregate version the issuer saw
 */
public record CommandEnvelope(
        String commandId,
        String requestId,
        Instant issuedAt,
        Actor actor,
        OptionalLong expectedVersion,
        Command payload) {

    public CommandEnvelope {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(payload, "payload");
        expectedVersion = expectedVersion == null ? OptionalLong.empty() : expectedVersion;
    }

    /** Convenience for adapters whose wire format carries a nullable long. */
    public static CommandEnvelope of(String commandId, String requestId, Instant issuedAt, Actor actor,
                                     Long expectedVersion, Command payload) {
        OptionalLong expected = expectedVersion == null ? OptionalLong.empty() : OptionalLong.of(expectedVersion);
        return new CommandEnvelope(commandId, requestId, issuedAt, actor, expected, payload);
    }
}
