package com.tradingcontrol.schemas.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform's one duration format: a whole number and a unit, {@code 100ms}, {@code 2s}, {@code 5m},
 * {@code 1h}, {@code 1d} (the format of Dropwizard's YAML durations, so the API's YAML and the
 * properties read alike). ISO-8601 ({@code PT0.2S}) is still read, for files written before the
 * convention.
 */
public final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private Durations() {
    }

    /** @throws InvalidSettingException naming {@code key} when {@code text} is neither form */
    public static Duration parse(String key, String text) {
        String value = text.trim();
        Matcher m = SHORT.matcher(value.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        if (value.toUpperCase(Locale.ROOT).startsWith("PT") || value.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                return Duration.parse(value);
            } catch (DateTimeParseException e) {
                // reported below with the expected form
            }
        }
        throw new InvalidSettingException(key, "expected a duration such as 100ms, 2s or 5m, got '" + text + "'");
    }

    /** The short form of {@code d} (whole milliseconds), as written in files and docs. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1_000 == 0 && ms > 0) {
            return ms / 1_000 + "s";
        }
        return ms + "ms";
    }
}
