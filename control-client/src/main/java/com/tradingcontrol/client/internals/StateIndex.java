package com.tradingcontrol.client.internals;

import com.tradingcontrol.client.DecisionCause;
import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.domain.control.Cause;
import com.tradingcontrol.domain.control.ControlState;
import com.tradingcontrol.domain.control.EffectiveModeCalculator;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A snapshot's control states and profiles, indexed the way decide() asks for them. An engine passes
 * its tenant, profile and symbol strings; the tenant's node holds the tenant scope and its profiles,
 * and a profile's node holds both its strategy scope and its status, so one decision reads about three
 * map entries and builds no scope string. Each restricting state's causes are mapped to the client's
 * {@link DecisionCause}s once, here, so a restricted decision only picks those that the domain's rule
 * says apply at its instant.
 *
 * <p>Immutable once built: plain {@link HashMap}s (they compare cached hashes before keys, fewer cache
 * misses than the immutable maps' probing at 10,000 scopes) never written after the constructor and
 * published through final fields.
 */
final class StateIndex {

    static final StateIndex EMPTY = of(Map.of(), Map.of(), null);

    /** Every cause a state can impose: timed ones included whatever their expiry. */
    private static final Instant BEFORE_ANY_EXPIRY = Instant.MIN;
    private static final int KINDS = Cause.Kind.values().length;

    private final Entry global;
    private final Map<String, TenantNode> tenants;
    /** Strategy scopes by scope id, for lookups by scope (a cause's, a report's). */
    private final Map<String, Entry> strategiesById;
    /** Legacy {@code strategy:<profileId>} scopes (see {@link Scope}): usually none. */
    private final Map<String, Entry> legacyStrategies;
    private final Map<String, Entry> symbols;

    /** A state with its causes as the client reports them, by {@link Cause.Kind} ordinal (null: none). */
    private record Entry(ControlState state, DecisionCause[] causes) {
    }

    /** Written only while the index is built. */
    private static final class TenantNode {
        private Entry control;
        private final Map<String, ProfileNode> profiles = new HashMap<>();

        ProfileNode profile(String profileId) {
            return profiles.computeIfAbsent(profileId, p -> new ProfileNode());
        }
    }

    /** Written only while the index is built. */
    private static final class ProfileNode {
        private Entry strategy;
        private ProfileRecord profile;
    }

    private StateIndex(Entry global, Map<String, TenantNode> tenants, Map<String, Entry> strategiesById,
                       Map<String, Entry> legacyStrategies, Map<String, Entry> symbols) {
        this.global = global;
        this.tenants = tenants;
        this.strategiesById = strategiesById;
        this.legacyStrategies = legacyStrategies;
        this.symbols = symbols;
    }

    /**
     * @param previous the index this one replaces (nullable): the entries of states it holds unchanged
     *                 (the same instance: the reader keeps them) are reused, so a batch maps only the
     *                 causes of the states it changed
     */
    static StateIndex of(Map<Scope, ControlState> controls, Map<String, ProfileRecord> profiles,
                         StateIndex previous) {
        Entry global = null;
        Map<String, TenantNode> tenants = new HashMap<>();
        Map<String, Entry> strategiesById = new HashMap<>();
        Map<String, Entry> legacy = new HashMap<>();
        Map<String, Entry> symbols = new HashMap<>(controls.size() * 4 / 3 + 1);
        for (ControlState state : controls.values()) {
            Scope scope = state.scope();
            Entry known = previous == null ? null : previous.entry(scope);
            Entry entry = known != null && known.state() == state ? known : new Entry(state, causes(state));
            switch (scope.type()) {
                case GLOBAL -> global = entry;
                case TENANT -> tenant(tenants, scope.id()).control = entry;
                case SYMBOL -> symbols.put(scope.id(), entry);
                case STRATEGY -> {
                    strategiesById.put(scope.id(), entry);
                    if (scope.isLegacyStrategy()) {
                        legacy.put(scope.id(), entry);
                    } else {
                        tenant(tenants, scope.tenantId()).profile(scope.profileId()).strategy = entry;
                    }
                }
            }
        }
        for (ProfileRecord profile : profiles.values()) {
            tenant(tenants, profile.tenantId()).profile(profile.profileId()).profile = profile;
        }
        return new StateIndex(global, tenants, strategiesById, legacy, symbols);
    }

    private static TenantNode tenant(Map<String, TenantNode> tenants, String tenantId) {
        return tenants.computeIfAbsent(tenantId, t -> new TenantNode());
    }

    private static DecisionCause[] causes(ControlState state) {
        DecisionCause[] causes = null;
        for (Cause cause : EffectiveModeCalculator.causesOf(state, BEFORE_ANY_EXPIRY)) {
            causes = causes == null ? new DecisionCause[KINDS] : causes;
            causes[cause.kind().ordinal()] = DecisionMaker.map(cause, state.version());
        }
        return causes;
    }

    ControlState global() {
        return stateOf(global);
    }

    ControlState tenant(String tenantId) {
        TenantNode tenant = tenants.get(tenantId);
        return tenant == null ? null : stateOf(tenant.control);
    }

    ControlState strategy(String tenantId, String profileId) {
        ProfileNode node = node(tenantId, profileId);
        return node == null ? null : stateOf(node.strategy);
    }

    ControlState legacyStrategy(String profileId) {
        return legacyStrategies.isEmpty() ? null : stateOf(legacyStrategies.get(profileId));
    }

    ControlState symbol(String symbolId) {
        return stateOf(symbols.get(symbolId));
    }

    /** The profile's record, or null when the platform has none in the tenant. */
    ProfileRecord profile(String tenantId, String profileId) {
        ProfileNode node = node(tenantId, profileId);
        return node == null ? null : node.profile;
    }

    /** The state of any scope, or null. */
    ControlState get(Scope scope) {
        return stateOf(entry(scope));
    }

    /**
     * The client's form of a cause the rule found on a state of this index, or null if the state is
     * not here. The cause's scope is that state's own, so the lookup hashes strings whose hashes are
     * cached already.
     */
    DecisionCause causeOf(Cause cause) {
        Entry entry = entry(cause.scope());
        return entry == null || entry.causes() == null ? null : entry.causes()[cause.kind().ordinal()];
    }

    private ProfileNode node(String tenantId, String profileId) {
        TenantNode tenant = tenants.get(tenantId);
        return tenant == null ? null : tenant.profiles.get(profileId);
    }

    private Entry entry(Scope scope) {
        return switch (scope.type()) {
            case GLOBAL -> global;
            case TENANT -> {
                TenantNode tenant = tenants.get(scope.id());
                yield tenant == null ? null : tenant.control;
            }
            case SYMBOL -> symbols.get(scope.id());
            case STRATEGY -> strategiesById.get(scope.id());
        };
    }

    private static ControlState stateOf(Entry entry) {
        return entry == null ? null : entry.state();
    }
}
