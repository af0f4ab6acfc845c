package com.tradingcontrol.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Small reusable checks; each yields a rejection or nothing, and deciders run them in order. */
public final class Checks {

    public static final int MAX_REASON_LENGTH = 1000;

    private Checks() {
    }

    /** Runs the checks lazily in order and returns the first rejection. */
    @SafeVarargs
    public static Optional<Decision.Rejected> firstFailure(Supplier<Optional<Decision.Rejected>>... checks) {
        return Arrays.stream(checks)
                .map(Supplier::get)
                .flatMap(Optional::stream)
                .findFirst();
    }

    public static Optional<Decision.Rejected> authorized(Actor actor, Set<Role> allowed, String action) {
        if (actor.hasAnyRole(allowed)) {
            return Optional.empty();
        }
        return fail(RejectionCode.FORBIDDEN, "roles " + actor.roles().stream().sorted().toList()
                + " may not " + action + "; requires one of " + allowed.stream().sorted().toList());
    }

    public static Optional<Decision.Rejected> reason(String reason) {
        return requiredText("reason", reason, MAX_REASON_LENGTH);
    }

    public static Optional<Decision.Rejected> requiredText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return fail(RejectionCode.VALIDATION_FAILED, field + " must not be empty");
        }
        if (value.length() > maxLength) {
            return fail(RejectionCode.VALIDATION_FAILED, field + " is longer than " + maxLength + " characters");
        }
        return Optional.empty();
    }

    public static Optional<Decision.Rejected> identifier(String field, String value) {
        if (Identifiers.isValid(value)) {
            return Optional.empty();
        }
        return fail(RejectionCode.VALIDATION_FAILED, field + " must be " + Identifiers.describeRule());
    }

    public static Optional<Decision.Rejected> expectedVersion(CommandEnvelope envelope, AggregateState state) {
        if (envelope.expectedVersion().isEmpty() || envelope.expectedVersion().getAsLong() == state.version()) {
            return Optional.empty();
        }
        return fail(RejectionCode.VERSION_CONFLICT, "expected version " + envelope.expectedVersion().getAsLong()
                + " but " + state.aggregateId() + " is at version " + state.version());
    }

    public static Optional<Decision.Rejected> fail(RejectionCode code, String message) {
        return Optional.of(Decision.rejected(code, message));
    }
}
