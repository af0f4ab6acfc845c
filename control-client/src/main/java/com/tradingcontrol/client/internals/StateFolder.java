package com.tradingcontrol.client.internals;

import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.domain.control.ControlState;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The reader thread's working copy of the three topics: records are applied one by one (a null
 * value is a tombstone: the key is gone), then {@link #publish} freezes them into a new
 * {@link StateSnapshot}. Confined to the reader thread.
 */
final class StateFolder {

    private final Map<Scope, ControlState> controls = new HashMap<>();
    private final Map<String, ProfileRecord> profiles = new HashMap<>();
    private final Map<String, ConfigRecord> configs = new HashMap<>();
    private final Set<String> undecodable = new HashSet<>();
    private final Set<String> changedScopes = new HashSet<>();
    private final Set<String> changedProfiles = new HashSet<>();
    private final Set<String> changedConfigs = new HashSet<>();
    private final Map<String, String> changedBy = new HashMap<>();
    private boolean undecodableChanged;
    private long viewVersion;
    private StateSnapshot last;

    /** @param commandId the command whose event produced the record (null: unknown, e.g. a tombstone) */
    void control(Scope scope, ControlState state, String commandId) {
        if (state == null ? controls.remove(scope) != null : !state.equals(controls.put(scope, state))) {
            changedScopes.add(scope.toString());
            changedBy.put(scope.toString(), commandId);
        }
    }

    /** @param profileKey {@code <tenantId>:<profileId>} */
    void profile(String profileKey, ProfileRecord profile) {
        if (profile == null ? profiles.remove(profileKey) != null : !profile.equals(profiles.put(profileKey, profile))) {
            changedProfiles.add(profileKey);
        }
    }

    void config(String key, ConfigRecord config) {
        if (config == null ? configs.remove(key) != null : !config.equals(configs.put(key, config))) {
            changedConfigs.add(key);
        }
    }

    /** The latest record of {@code topicKey} could (not) be decoded. */
    void undecodable(String topicKey, boolean bad) {
        undecodableChanged |= bad ? undecodable.add(topicKey) : undecodable.remove(topicKey);
    }

    boolean hasChanges() {
        return undecodableChanged || !changedScopes.isEmpty() || !changedProfiles.isEmpty()
                || !changedConfigs.isEmpty();
    }

    long viewVersion() {
        return viewVersion;
    }

    int undecodableCount() {
        return undecodable.size();
    }

    /** Freezes the working copy (copying it: O(state) per batch, never per decision). */
    StateSnapshot snapshot() {
        viewVersion++;
        last = StateSnapshot.of(controls, profiles, configs, undecodable.size(), viewVersion, last);
        return last;
    }

    /** What changed since the last call, tagged with the current view version; resets the tracking. */
    ChangeSet drainChanges(java.time.Instant receivedAt) {
        ChangeSet changes = new ChangeSet(changedScopes, changedProfiles, changedConfigs, viewVersion,
                new HashMap<>(changedBy), receivedAt);
        changedBy.clear();
        changedScopes.clear();
        changedProfiles.clear();
        changedConfigs.clear();
        undecodableChanged = false;
        return changes;
    }
}
