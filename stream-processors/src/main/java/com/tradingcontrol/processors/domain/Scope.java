package com.tradingcontrol.processors.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a control applies to: {@code global}, {@code tenant:<userId>}, {@code symbol:<SYMBOL>} or
 * {@code strategy:<profileId>}. Its string form is also the trading-control aggregate id.
 * Symbols are upper-cased so {@code symbol:aapl} and {@code symbol:AAPL} are one aggregate.
 *
 * @param id null for {@link Type#GLOBAL}, otherwise the tenant id, symbol or profile id
 */
public record Scope(Type type, String id) {

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9._/\\-]{1,32}");
    private static final Scope GLOBAL = new Scope(Type.GLOBAL, null);

    public enum Type {
        GLOBAL("global"), TENANT("tenant"), SYMBOL("symbol"), STRATEGY("strategy");

        private final String prefix;

        Type(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    public Scope {
        Objects.requireNonNull(type, "scope type");
        if (type == Type.GLOBAL) {
            if (id != null) {
                throw new InvalidScopeException("scope 'global' takes no id");
            }
        } else if (type == Type.SYMBOL) {
            id = id == null ? null : id.toUpperCase(Locale.ROOT);
            if (id == null || !SYMBOL.matcher(id).matches()) {
                throw new InvalidScopeException("invalid symbol in scope 'symbol:" + id
                        + "': expected 1-32 characters of A-Z, 0-9 and . _ / -");
            }
        } else if (!Identifiers.isValid(id)) {
            throw new InvalidScopeException("invalid id in scope '" + type.prefix + ":" + id + "': expected "
                    + Identifiers.describeRule());
        }
    }

    public static Scope global() {
        return GLOBAL;
    }

    public static Scope tenant(String tenantId) {
        return new Scope(Type.TENANT, tenantId);
    }

    public static Scope symbol(String symbol) {
        return new Scope(Type.SYMBOL, symbol);
    }

    public static Scope strategy(String profileId) {
        return new Scope(Type.STRATEGY, profileId);
    }

    /** Parses the string form; throws {@link InvalidScopeException} naming what is wrong. */
    public static Scope parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidScopeException("scope is required");
        }
        if (text.equals(Type.GLOBAL.prefix)) {
            return GLOBAL;
        }
        int colon = text.indexOf(':');
        String prefix = colon < 0 ? text : text.substring(0, colon);
        for (Type type : Type.values()) {
            if (type != Type.GLOBAL && type.prefix.equals(prefix) && colon >= 0) {
                return new Scope(type, text.substring(colon + 1));
            }
        }
        throw new InvalidScopeException("unknown scope '" + text
                + "': expected global, tenant:<userId>, symbol:<SYMBOL> or strategy:<profileId>");
    }

    public boolean isGlobal() {
        return type == Type.GLOBAL;
    }

    @Override
    public String toString() {
        return type == Type.GLOBAL ? type.prefix : type.prefix + ":" + id;
    }
}
