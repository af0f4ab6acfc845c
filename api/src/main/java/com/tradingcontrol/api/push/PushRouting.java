package com.tradingcontrol.api.push;

/**
 * Who may see a change of a scope (tenant isolation on the push channels): {@code global} and
 * {@code symbol:} affect everybody; {@code tenant:<id>} and {@code strategy:<id>:<profileId>} only
 * that tenant (and admins); a legacy {@code strategy:<profileId>} (written before strategy scopes
 * named their tenant) admins only, because the scope alone does not say whose strategy it is.
 */
public final class PushRouting {
    /** Audience of one change. */
    public sealed interface Audience {
        record Everyone() implements Audience {}

        record Tenant(String tenantId) implements Audience {}

        record AdminsOnly() implements Audience {}
    }

    private PushRouting() {}

    public static Audience audienceOf(String scope) {
        if (scope.equals("global") || scope.startsWith("symbol:")) {
            return new Audience.Everyone();
        }
        if (scope.startsWith("tenant:") && scope.length() > "tenant:".length()) {
            return new Audience.Tenant(scope.substring("tenant:".length()));
        }
        int tenantEnd = scope.indexOf(':', "strategy:".length());
        if (scope.startsWith("strategy:") && tenantEnd > "strategy:".length()) {
            return new Audience.Tenant(scope.substring("strategy:".length(), tenantEnd));
        }
        return new Audience.AdminsOnly();
    }
}
