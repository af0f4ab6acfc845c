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
 * @param index          control states and profiles, by id (see {@link StateIndex})
 * @param configs        by config key
 * @param undecodable    keys (topic/key) whose latest record could not be decoded: while any, the
 *                       view cannot be trusted
 * @param viewVersion    +1 per applied batch
 * @param expiries       every {@code expiresAt} of a timed control in the view, so listeners can be
 *                       told when a lapse changes decisions without any record arriving
 */
record StateSnapshot(StateIndex index, Map<String, ConfigRecord> configs, int undecodable, long viewVersion,
                     NavigableSet<Instant> expiries)
        implements ControlView, ProfileLookup {

    static final StateSnapshot EMPTY = new StateSnapshot(StateIndex.EMPTY, Map.of(), 0, 0,
            Collections.emptyNavigableSet());

    /**
     * Indexes (copies) the reader's working maps, collecting the timed controls' expiries.
     *
     * @param profiles by {@code <tenantId>:<profileId>} ({@link #profileKey})
     */
    static StateSnapshot of(Map<Scope, ControlState> controls, Map<String, ProfileRecord> profiles,
                            Map<String, ConfigRecord> configs, int undecodable, long viewVersion) {
        return of(controls, profiles, configs, undecodable, viewVersion, null);
    }

    /** @param previous the snapshot this one replaces (nullable), whose unchanged entries are reused */
    static StateSnapshot of(Map<Scope, ControlState> controls, Map<String, ProfileRecord> profiles,
                            Map<String, ConfigRecord> configs, int undecodable, long viewVersion,
                            StateSnapshot previous) {
        NavigableSet<Instant> expiries = new TreeSet<>();
        for (ControlState state : controls.values()) {
            if (state.pause() != null && state.pause().expiresAt() != null) {
                expiries.add(state.pause().expiresAt());
            }
            if (state.reduceOnly() != null && state.reduceOnly().expiresAt() != null) {
                expiries.add(state.reduceOnly().expiresAt());
            }
        }
        StateIndex index = StateIndex.of(controls, profiles, previous == null ? null : previous.index());
        return new StateSnapshot(index, Map.copyOf(configs), undecodable, viewVersion,
                Collections.unmodifiableNavigableSet(expiries));
    }

    /** Whether a timed control lapses in {@code (after, upTo]}. */
    boolean lapsesBetween(Instant after, Instant upTo) {
        Instant next = expiries.higher(after);
        return next != null && !next.isAfter(upTo);
    }

    /** The state of {@code scope}, or null. */
    ControlState stateOf(Scope scope) {
        return index.get(scope);
    }

    @Override
    public Optional<ControlState> control(Scope scope) {
        return Optional.ofNullable(index.get(scope));
    }

    @Override
    public ControlState globalControl() {
        return index.global();
    }

    @Override
    public ControlState tenantControl(String tenantId) {
        return index.tenant(tenantId);
    }

    @Override
    public ControlState strategyControl(String tenantId, String profileId) {
        return index.strategy(tenantId, profileId);
    }

    @Override
    public ControlState legacyStrategyControl(String profileId) {
        return index.legacyStrategy(profileId);
    }

    @Override
    public ControlState symbolControl(String symbolId) {
        return index.symbol(symbolId);
    }

    @Override
    public Optional<ProfileStatus> status(String tenantId, String profileId) {
        ProfileRecord profile = profile(tenantId, profileId);
        return profile == null ? Optional.empty() : Optional.of(profile.status());
    }

    @Override
    public boolean isEnabled(String tenantId, String profileId) {
        ProfileRecord profile = profile(tenantId, profileId);
        return profile != null && profile.status().enabled();
    }

    ProfileRecord profile(String tenantId, String profileId) {
        return index.profile(tenantId, profileId);
    }

    static String profileKey(String tenantId, String profileId) {
        return tenantId + ":" + profileId;
    }
}
