package com.tradingcontrol.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * What a control applies to: {@code global}, {@code tenant:<tenantId>}, {@code symbol:<SYMBOL>} or
 * {@code strategy:<tenantId>:<profileId>}. Its string form is also the trading-control aggregate id.
 * Symbols are upper-cased so {@code symbol:aapl} and {@code symbol:AAPL} are one aggregate.
 *
 * <p>Profile ids are unique only within a tenant, so a strategy scope names its tenant. The log may
 * still hold <em>legacy</em> strategy scopes, {@code strategy:<profileId>}, written before that rule:
 * the platform cannot tell whose they were, so they keep restricting that profile id in every tenant
 * (a halt is never lifted by reinterpretation), are shown to staff only, may be lifted, and are never
 * set again (see {@link #isLegacyStrategy()}).
 *
 * @param id null for {@link Type#GLOBAL}; the tenant id or symbol; {@code <tenantId>:<profileId>}
 *           for a strategy (only {@code <profileId>} for a legacy one)
 */
public record Scope(Type type, String id) {

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
            id = symbolId(id);
        } else if (type == Type.STRATEGY) {
            checkStrategy(id);
        } else {
            checkTenantId(id);
        }
    }

    /**
     * The id a symbol scope holds for {@code symbol}: upper-cased (the same string when it already
     * is, so an engine's own symbols cost no allocation), or {@link InvalidScopeException} as
     * {@link #symbol} throws. For hot paths that look scopes up by id without building them.
     */
    public static String symbolId(String symbol) {
        String id = symbol == null ? null : symbol.toUpperCase(Locale.ROOT);
        if (!isValidSymbol(id)) {
            throw new InvalidScopeException("invalid symbol in scope 'symbol:" + id
                    + "': expected 1-32 characters of A-Z, 0-9 and . _ / -");
        }
        return id;
    }

    /** Throws {@link InvalidScopeException} as {@link #tenant} does for an invalid tenant id. */
    public static void checkTenantId(String tenantId) {
        if (!Identifiers.isValid(tenantId)) {
            throw new InvalidScopeException("invalid id in scope '" + Type.TENANT.prefix + ":" + tenantId
                    + "': expected " + Identifiers.describeRule());
        }
    }

    /** Throws {@link InvalidScopeException} as {@link #strategy} does for invalid ids. */
    public static void checkStrategy(String tenantId, String profileId) {
        if (!Identifiers.isValid(tenantId) || !Identifiers.isValid(profileId)) {
            throw new InvalidScopeException("invalid strategy scope 'strategy:" + tenantId + ":" + profileId
                    + "': tenant and profile ids are " + Identifiers.describeRule());
        }
    }

    /** 1-32 of A-Z, 0-9 and . _ / - (a loop for the same reason as {@link Identifiers#isValid}). */
    private static boolean isValidSymbol(String symbol) {
        if (symbol == null || symbol.isEmpty() || symbol.length() > 32) {
            return false;
        }
        for (int i = 0; i < symbol.length(); i++) {
            char c = symbol.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '/'
                    || c == '-')) {
                return false;
            }
        }
        return true;
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

    /** The strategy of {@code profileId} in {@code tenantId}. */
    public static Scope strategy(String tenantId, String profileId) {
        checkStrategy(tenantId, profileId);
        return new Scope(Type.STRATEGY, tenantId + ":" + profileId);
    }

    /** A strategy scope as written before strategy scopes named their tenant (see the class comment). */
    public static Scope legacyStrategy(String profileId) {
        return new Scope(Type.STRATEGY, profileId);
    }

    /** A strategy scope without its tenant, kept readable for records already in the log. */
    public boolean isLegacyStrategy() {
        return type == Type.STRATEGY && id.indexOf(':') < 0;
    }

    /** The tenant whose data this scope is: the tenant of a tenant or (non-legacy) strategy scope, else null. */
    public String tenantId() {
        if (type == Type.TENANT) {
            return id;
        }
        return type == Type.STRATEGY && !isLegacyStrategy() ? id.substring(0, id.indexOf(':')) : null;
    }

    /** The profile id of a strategy scope (legacy or not), else null. */
    public String profileId() {
        return type == Type.STRATEGY ? id.substring(id.indexOf(':') + 1) : null;
    }

    private static void checkStrategy(String id) {
        int colon = id == null ? -1 : id.indexOf(':');
        boolean valid = colon < 0 ? Identifiers.isValid(id)
                : Identifiers.isValid(id, 0, colon) && Identifiers.isValid(id, colon + 1, id.length());
        if (!valid) {
            throw new InvalidScopeException("invalid strategy scope 'strategy:" + id
                    + "': expected strategy:<tenantId>:<profileId>, each " + Identifiers.describeRule());
        }
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
                + "': expected global, tenant:<tenantId>, symbol:<SYMBOL> or strategy:<tenantId>:<profileId>");
    }

    public boolean isGlobal() {
        return type == Type.GLOBAL;
    }

    @Override
    public String toString() {
        return type == Type.GLOBAL ? type.prefix : type.prefix + ":" + id;
    }
}
