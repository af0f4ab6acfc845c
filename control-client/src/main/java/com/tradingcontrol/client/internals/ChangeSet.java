package com.tradingcontrol.client.internals;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * What one applied batch changed, for listeners.
 *
 * @param profiles   {@code <tenantId>:<profileId>}
 * @param commandIds by changed scope: the command whose event produced its latest record (values nullable)
 * @param receivedAt when the reader got the batch (client clock)
 */
record ChangeSet(Set<String> scopes, Set<String> profiles, Set<String> configKeys, long viewVersion,
                 Map<String, String> commandIds, Instant receivedAt) {

    ChangeSet {
        commandIds = Collections.unmodifiableMap(commandIds);
        scopes = Set.copyOf(scopes);
        profiles = Set.copyOf(profiles);
        configKeys = Set.copyOf(configKeys);
    }

    boolean affectsDecisions() {
        return !scopes.isEmpty() || !profiles.isEmpty();
    }
}
