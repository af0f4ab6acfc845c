package com.tradingcontrol.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the CLI's time arguments: ISO-8601 instants, {@code now}, relative instants such as
 * {@code -1m}/{@code -2h}/{@code -7d} (before now), and durations such as {@code 30m},
 * {@code 2h} or ISO {@code PT30M}. Hand-written because java.time has no short-form parser.
 */
public final class TimeArgs {

    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private TimeArgs() {
    }

    public static Instant instant(String text, Clock clock) {
        String value = text.strip();
        if (value.equalsIgnoreCase("now")) {
            return clock.instant();
        }
        if (value.startsWith("-")) {
            return clock.instant().minus(duration(value.substring(1)));
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text
                    + "' is neither an ISO-8601 instant (2026-11-21T10:00:00Z), 'now', nor relative like -1m, -2h, -1d", e);
        }
    }

    public static Duration duration(String text) {
        String value = text.strip();
        Matcher matcher = SHORT.matcher(value);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            Duration duration = Duration.parse(value);
            if (duration.isNegative()) {
                throw new IllegalArgumentException("duration must not be negative: " + text);
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 30s, 15m, 2h, 1d, PT1H30M)", e);
        }
    }
}
