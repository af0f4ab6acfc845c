package com.tradingcontrol.api.reads;

import com.tradingcontrol.api.errors.ApiException;
import com.tradingcontrol.api.errors.ProblemCode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Parsing of query parameters with problem answers that name the parameter. */
public final class QueryParams {

    private QueryParams() {
    }

    /**
     * The instants the API accepts: years 0001 to 9999. Instant itself reaches ±1e9 years, beyond
     * epoch milliseconds (Avro timestamps, store filters), where arithmetic overflowed into a 500.
     */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    /** An ISO-8601 instant such as {@code 2026-01-02T10:00:00Z}; null when absent. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant parsed;
        try {
            parsed = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiException(ProblemCode.VALIDATION_FAILED,
                    name + " must be an ISO-8601 instant such as 2026-01-02T10:00:00Z, got '" + value + "'");
        }
        return inRange(name, parsed);
    }

    /** {@code instant} itself when it lies in [{@link #EARLIEST}, {@link #LATEST}], else a 400 naming the field. */
    public static Instant inRange(String name, Instant instant) {
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new ApiException(ProblemCode.VALIDATION_FAILED,
                    name + " must lie between " + EARLIEST + " and " + LATEST);
        }
        return instant;
    }

    public static Instant requiredInstant(String name, String value) {
        Instant parsed = instant(name, value);
        if (parsed == null) {
            throw new ApiException(ProblemCode.VALIDATION_FAILED, name + " is required (an ISO-8601 instant)");
        }
        return parsed;
    }

    /** Rejects a range whose end lies before its start. */
    public static void requireOrdered(Instant from, Instant to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new ApiException(ProblemCode.VALIDATION_FAILED, "to (" + to + ") must not be before from (" + from + ")");
        }
    }

    public static int intInRange(String name, Integer value, int defaultValue, int min, int max) {
        if (value == null) {
            return defaultValue;
        }
        if (value < min || value > max) {
            throw new ApiException(ProblemCode.VALIDATION_FAILED, name + " must be " + min + ".." + max + ", got " + value);
        }
        return value;
    }
}
