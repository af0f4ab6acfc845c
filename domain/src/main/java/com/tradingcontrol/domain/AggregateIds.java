package com.tradingcontrol.domain;

/**
 * Aggregate ids, i.e. the Kafka keys of commands and events:
 * <ul>
 *   <li>trading control: the scope string ({@code global}, {@code tenant:u1}, ...); kill switch and
 *       maintenance live on {@code global};</li>
 *   <li>dynamic config: {@code config:<key>};</li>
 *   <li>trading profile: {@code profile:<tenantId>:<profileId>}. The tenant is part of the id, so a
 *       command can only ever address a profile inside the tenant it names; once the decider has
 *       checked that a customer names its own tenant, no answer can depend on (and so reveal)
 *       whether another tenant has a profile with that id.</li>
 * </ul>
 */
public final class AggregateIds {

    public static final String CONFIG_PREFIX = "config:";
    public static final String PROFILE_PREFIX = "profile:";

    private AggregateIds() {
    }

    public static String of(Command command) {
        if (command instanceof ControlCommand c) {
            return requireScope(c.targetScope()).toString();
        }
        if (command instanceof UpdateConfig c) {
            return config(c.key());
        }
        ProfileCommand p = (ProfileCommand) command;
        return profile(p.tenantId(), p.profileId());
    }

    public static String of(DomainEvent event) {
        if (event instanceof ControlEvent c) {
            return requireScope(c.targetScope()).toString();
        }
        if (event instanceof ConfigUpdated c) {
            return config(c.key());
        }
        ProfileEvent p = (ProfileEvent) event;
        return profile(p.tenantId(), p.profileId());
    }

    /** True for a trading-control aggregate (a scope), false for config and profile aggregates. */
    public static boolean isControl(String aggregateId) {
        return !aggregateId.startsWith(CONFIG_PREFIX) && !aggregateId.startsWith(PROFILE_PREFIX);
    }

    public static String config(String key) {
        return CONFIG_PREFIX + key;
    }

    public static String profile(String tenantId, String profileId) {
        return PROFILE_PREFIX + tenantId + ":" + profileId;
    }

    private static Scope requireScope(Scope scope) {
        if (scope == null) {
            throw new InvalidScopeException("scope is required");
        }
        return scope;
    }
}
