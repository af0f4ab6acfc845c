package com.tradingcontrol.client.internals;

import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.domain.control.ControlState;
import com.tradingcontrol.domain.control.ControlView;
import com.tradingcontrol.domain.control.ProfileLookup;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One immutable view of the three state topics. The reader builds a new one per applied batch and
 * swaps it in atomically, so decisions read it without locks. It is the domain's {@link ControlView}
 * and {@link ProfileLookup}, so the one effective-mode rule applies unchanged.
 *
 * @param controls       by scope
 * @param profiles       by {@code <tenantId>:<profileId>}
 * @param configs        by config key
 * @param undecodable    keys (topic/key) whose latest record could not be decoded: while any, the
 *                       view cannot be trusted
 * @param viewVersion    +1 per applied batch
 * @param expiries       every {@code expiresAt} of a timed control in the view, so listeners can be
 *                       told when a lapse changes decisions without any record arriving
 */
record StateSnapshot(Map<Scope, ControlState> controls, Map<String, ProfileRecord> profiles,
                     Map<String, ConfigRecord> configs, int undecodable, long viewVersion,
                     NavigableSet<Instant> expiries)
        implements ControlView, ProfileLookup {

    static final StateSnapshot EMPTY = new StateSnapshot(Map.of(), Map.of(), Map.of(), 0, 0,
            Collections.emptyNavigableSet());

    /** Freezes maps that the caller no longer changes, collecting the timed controls' expiries. */
    static StateSnapshot of(Map<Scope, ControlState> controls, Map<String, ProfileRecord> profiles,
                            Map<String, ConfigRecord> configs, int undecodable, long viewVersion) {
        NavigableSet<Instant> expiries = new TreeSet<>();
        for (ControlState state : controls.values()) {
            if (state.pause() != null && state.pause().expiresAt() != null) {
                expiries.add(state.pause().expiresAt());
            }
            if (state.reduceOnly() != null && state.reduceOnly().expiresAt() != null) {
                expiries.add(state.reduceOnly().expiresAt());
            }
        }
        return new StateSnapshot(controls, profiles, configs, undecodable, viewVersion,
                Collections.unmodifiableNavigableSet(expiries));
    }

    /** Whether a timed control lapses in {@code (after, upTo]}. */
    boolean lapsesBetween(Instant after, Instant upTo) {
        Instant next = expiries.higher(after);
        return next != null && !next.isAfter(upTo);
    }

    @Override
    public Optional<ControlState> control(Scope scope) {
        return Optional.ofNullable(controls.get(scope));
    }

    @Override
    public Optional<ProfileStatus> status(String tenantId, String profileId) {
        ProfileRecord profile = profiles.get(profileKey(tenantId, profileId));
        return profile == null ? Optional.empty() : Optional.of(profile.status());
    }

    ProfileRecord profile(String tenantId, String profileId) {
        return profiles.get(profileKey(tenantId, profileId));
    }

    static String profileKey(String tenantId, String profileId) {
        return tenantId + ":" + profileId;
    }
}
