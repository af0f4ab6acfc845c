package com.tradingcontrol.schemas.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A service's configuration values after every source was applied ({@link SettingsLoader}), with typed
 * accessors that name the key in every error. Blank values count as unset.
 */
public final class Settings {
    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Settings of(Map<String, String> values) {
        Map<String, String> copy = new TreeMap<>();
        values.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                copy.put(k, v.trim());
            }
        });
        return new Settings(copy);
    }

    /** These values with {@code overrides} applied over them. */
    public Settings with(Map<String, String> overrides) {
        Map<String, String> merged = new TreeMap<>(values);
        merged.putAll(overrides);
        return of(merged);
    }

    public Map<String, String> asMap() {
        return values;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public String required(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new InvalidSettingException(key, "is required");
        }
        return value;
    }

    /** The value, or {@code fallback} (may be null) when unset. */
    public String optional(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    public Path path(String key, Path fallback) {
        String value = values.get(key);
        return value == null ? fallback : Path.of(value);
    }

    public Duration duration(String key, Duration fallback, Duration min, Duration max) {
        String value = values.get(key);
        Duration d = value == null ? fallback : Durations.parse(key, value);
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new InvalidSettingException(key, "must be between " + Durations.format(min) + " and "
                    + Durations.format(max) + ", got " + (value == null ? Durations.format(d) : value));
        }
        return d;
    }

    public int integer(String key, int fallback, int min, int max) {
        return (int) longValue(key, fallback, min, max);
    }

    public long longValue(String key, long fallback, long min, long max) {
        String value = values.get(key);
        long n;
        try {
            n = value == null ? fallback : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(key, "expected an integer, got '" + value + "'");
        }
        if (n < min || n > max) {
            throw new InvalidSettingException(key, "must be between " + min + " and " + max + ", got " + n);
        }
        return n;
    }

    public boolean bool(String key, boolean fallback) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new InvalidSettingException(key, "must be true or false, got '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    /** @param fallback null makes the key required */
    public <E extends Enum<E>> E enumValue(String key, Class<E> type, E fallback) {
        String value = values.get(key);
        String names = Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT);
        if (value == null) {
            if (fallback == null) {
                throw new InvalidSettingException(key, "is required, one of " + names);
            }
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(key, "must be one of " + names + ", got '" + value + "'");
        }
    }

    /** The keys starting with {@code prefix}, the prefix cut off ({@code processor.streams.*} → Kafka keys). */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> found = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                found.put(k.substring(prefix.length()), v);
            }
        });
        return found;
    }
}
