package com.tradingcontrol.domain.config;

import com.tradingcontrol.domain.ConfigValue;
import com.tradingcontrol.domain.Role;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One catalogue entry. The constructor rejects inconsistent entries (bounds on a non-number, a
 * default that breaks its own rules, ...) so a bad catalogue fails at startup, naming the key.
 *
 * @param min           nullable inclusive lower bound (exclusive when {@code minExclusive}); numbers only
 * @param max           nullable inclusive upper bound; numbers only
 * @param allowedValues the permitted values of an ENUM key; empty for every other type
 * @param maxLength     maximum length of STRING values
 * @param changeRoles   roles that may change the key
 */
public record ConfigKeyDefinition(String key, ConfigType type, BigDecimal min, boolean minExclusive, BigDecimal max,
                                  List<String> allowedValues, int maxLength, ConfigValue defaultValue,
                                  String description, Set<Role> changeRoles) {

    public static final int DEFAULT_MAX_STRING_LENGTH = 1000;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._\\-]{1,200}");

    public ConfigKeyDefinition {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new InvalidCatalogueException("config key '" + key + "' must be 1-200 of letters, digits and . _ -");
        }
        Objects.requireNonNull(type, "type of " + key);
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
        changeRoles = changeRoles == null ? Set.of() : Set.copyOf(changeRoles);
        requireConsistent(key, type, min, max, allowedValues, description, changeRoles);
        Optional<String> problem = problemWith(key, type, min, minExclusive, max, allowedValues, maxLength,
                defaultValue);
        if (problem.isPresent()) {
            throw new InvalidCatalogueException("default of config key '" + key + "' is invalid: " + problem.get());
        }
    }

    /** Widens a LONG value given for a DOUBLE key (callers often cannot tell 5 from 5.0). */
    public ConfigValue coerce(ConfigValue value) {
        if (type == ConfigType.DOUBLE && value instanceof ConfigValue.LongValue l) {
            return ConfigValue.of((double) l.value());
        }
        return value;
    }

    /** Why {@code value} does not fit this key, or empty if it does. Call {@link #coerce} first. */
    public Optional<String> problemWith(ConfigValue value) {
        return problemWith(key, type, min, minExclusive, max, allowedValues, maxLength, value);
    }

    private static void requireConsistent(String key, ConfigType type, BigDecimal min, BigDecimal max,
                                          List<String> allowedValues, String description, Set<Role> roles) {
        String prefix = "config key '" + key + "': ";
        if ((min != null || max != null) && !type.isNumeric()) {
            throw new InvalidCatalogueException(prefix + "min/max are only allowed for LONG and DOUBLE");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new InvalidCatalogueException(prefix + "min " + min + " is greater than max " + max);
        }
        if ((type == ConfigType.ENUM) == allowedValues.isEmpty()) {
            throw new InvalidCatalogueException(prefix + "allowedValues are required for ENUM and only for ENUM");
        }
        if (description == null || description.isBlank()) {
            throw new InvalidCatalogueException(prefix + "description is required");
        }
        if (roles.isEmpty()) {
            throw new InvalidCatalogueException(prefix + "changeRoles must name at least one role");
        }
    }

    private static Optional<String> problemWith(String key, ConfigType type, BigDecimal min, boolean minExclusive,
                                                BigDecimal max, List<String> allowed, int maxLength,
                                                ConfigValue value) {
        if (value == null) {
            return Optional.of("a value is required");
        }
        if (value.kind() != type.valueKind()) {
            return Optional.of(key + " expects a " + type + " value, got " + value.kind() + " " + value.display());
        }
        if (value instanceof ConfigValue.DoubleValue d && !Double.isFinite(d.value())) {
            return Optional.of(key + " must be a finite number, got " + value.display());
        }
        if (type.isNumeric()) {
            return outOfBounds(key, min, minExclusive, max, value);
        }
        if (value instanceof ConfigValue.StringValue s) {
            if (s.value() == null) {
                return Optional.of("a value is required");
            }
            if (type == ConfigType.ENUM && !allowed.contains(s.value())) {
                return Optional.of(key + " must be one of " + allowed + ", got " + value.display());
            }
            if (s.value().length() > maxLength) {
                return Optional.of(key + " must be at most " + maxLength + " characters");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> outOfBounds(String key, BigDecimal min, boolean minExclusive, BigDecimal max,
                                                ConfigValue value) {
        BigDecimal number = value instanceof ConfigValue.LongValue l
                ? BigDecimal.valueOf(l.value())
                : BigDecimal.valueOf(((ConfigValue.DoubleValue) value).value());
        boolean belowMin = min != null && (minExclusive ? number.compareTo(min) <= 0 : number.compareTo(min) < 0);
        boolean aboveMax = max != null && number.compareTo(max) > 0;
        if (!belowMin && !aboveMax) {
            return Optional.empty();
        }
        String lower = min == null ? "" : (minExclusive ? " > " : " >= ") + min.toPlainString();
        String upper = max == null ? "" : " <= " + max.toPlainString();
        return Optional.of(key + " must be" + lower + (lower.isEmpty() || upper.isEmpty() ? "" : " and")
                + upper + ", got " + value.display());
    }
}
