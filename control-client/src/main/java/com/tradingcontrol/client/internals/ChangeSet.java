package com.tradingcontrol.client.internals;

import java.util.Set;

/**
 * What one applied batch changed, for listeners.
 *
 * @param profiles {@code <tenantId>:<profileId>}
 */
record ChangeSet(Set<String> scopes, Set<String> profiles, Set<String> configKeys, long viewVersion) {

    ChangeSet {
        scopes = Set.copyOf(scopes);
        profiles = Set.copyOf(profiles);
        configKeys = Set.copyOf(configKeys);
    }

    boolean affectsDecisions() {
        return !scopes.isEmpty() || !profiles.isEmpty();
    }
}
