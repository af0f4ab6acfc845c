package com.tradingcontrol.domain.control;

import com.tradingcontrol.domain.ControlMode;
import com.tradingcontrol.domain.InvalidScopeException;
import com.tradingcontrol.domain.Provenance;
import com.tradingcontrol.domain.Scope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Computes the effective mode for a (tenant, profile, symbol): the most restrictive control among
 * the scopes {@code global}, {@code tenant:<tenantId>}, {@code strategy:<tenantId>:<profileId>} (and
 * the legacy {@code strategy:<profileId>}, see {@link Scope}) and {@code symbol:<symbol>}. A profile
 * is only meaningful within its tenant: another tenant's strategy with the same profile id never
 * applies.
 * <ul>
 *   <li>kill switch engaged: HALTED;</li>
 *   <li>maintenance on: PAUSED (no new trading while the platform is being worked on; the kill
 *       switch remains the only thing that halts, so maintenance never overrides a halt);</li>
 *   <li>a pause: PAUSED, unless it has expired at {@code now} (even if its PauseExpired event has
 *       not been folded yet);</li>
 *   <li>reduce-only: REDUCE_ONLY (close positions, open none), unless expired at {@code now} like a
 *       pause. Any more restrictive control at any scope wins over it.</li>
 * </ul>
 */
public final class EffectiveModeCalculator {

    private static final Comparator<Cause> MOST_RESTRICTIVE_FIRST =
            Comparator.comparing(Cause::mode).reversed();

    private static final EffectiveMode ACTIVE = new EffectiveMode(ControlMode.ACTIVE, false, List.of());

    private EffectiveModeCalculator() {
    }

    /**
     * The decision for (tenant, profile, symbol): the controls as in
     * {@link #effective(ControlView, String, String, String, Instant)} plus the profile's own state —
     * a profile that is disabled, or that the platform does not know in the tenant, may not open
     * positions ({@code REDUCE_ONLY} with cause {@code PROFILE_DISABLED} / {@code PROFILE_UNKNOWN}).
     */
    public static EffectiveMode effective(ControlView view, ProfileLookup profiles, String tenantId, String profileId,
                                          String symbol, Instant now) {
        EffectiveMode controls = effective(view, tenantId, profileId, symbol, now);
        if (profileId == null || profiles.isEnabled(tenantId, profileId)) {
            return controls;
        }
        Optional<ProfileLookup.ProfileStatus> status = profiles.status(tenantId, profileId);
        Scope strategy = Scope.strategy(tenantId, profileId);
        Cause profile = status.map(s -> new Cause(strategy, Cause.Kind.PROFILE_DISABLED, ControlMode.REDUCE_ONLY,
                        s.changedBy(), s.changedAt(), s.reason(), null, null, null))
                .orElseGet(() -> new Cause(strategy, Cause.Kind.PROFILE_UNKNOWN, ControlMode.REDUCE_ONLY, null, null,
                        null, null, null, null));
        List<Cause> causes = new ArrayList<>(controls.causes());
        causes.add(profile);
        causes.sort(MOST_RESTRICTIVE_FIRST);
        return new EffectiveMode(causes.get(0).mode(), controls.maintenance(), causes);
    }

    /**
     * The mode the controls alone impose, without the profile's state (the processors' notes, which
     * decide one control aggregate and do not hold profiles).
     *
     * @param tenantId  nullable: no tenant scope considered
     * @param profileId nullable: no strategy scope considered; requires {@code tenantId}
     * @param symbol    nullable: no symbol scope considered (case-insensitive)
     * @throws com.tradingcontrol.domain.InvalidScopeException if an id is malformed, or a
     *         profile is named without its tenant
     */
    public static EffectiveMode effective(ControlView view, String tenantId, String profileId, String symbol,
                                          Instant now) {
        // Ids are checked first, then looked up by id: engines decide on every order, so the common
        // answer (nothing restricts) allocates nothing but the result.
        if (tenantId != null) {
            Scope.checkTenantId(tenantId);
        }
        if (profileId != null) {
            if (tenantId == null) {
                throw new InvalidScopeException("a profile is named within its tenant: give the tenant too");
            }
            Scope.checkStrategy(tenantId, profileId);
        }
        String symbolId = symbol == null ? null : Scope.symbolId(symbol);
        List<Cause> causes = addCauses(null, view.globalControl(), now);
        if (tenantId != null) {
            causes = addCauses(causes, view.tenantControl(tenantId), now);
        }
        if (profileId != null) {
            causes = addCauses(causes, view.strategyControl(tenantId, profileId), now);
            causes = addCauses(causes, view.legacyStrategyControl(profileId), now);
        }
        if (symbolId != null) {
            causes = addCauses(causes, view.symbolControl(symbolId), now);
        }
        if (causes == null) {
            return ACTIVE;
        }
        causes.sort(MOST_RESTRICTIVE_FIRST);
        boolean maintenance = false;
        for (Cause cause : causes) {
            maintenance |= cause.kind() == Cause.Kind.MAINTENANCE;
        }
        return new EffectiveMode(causes.get(0).mode(), maintenance, causes);
    }

    /** {@code causes} plus those of {@code state} (nullable); a list is made only once a cause exists. */
    private static List<Cause> addCauses(List<Cause> causes, ControlState state, Instant now) {
        if (state == null || !restrictsAt(state, now)) {
            return causes;
        }
        List<Cause> all = causes == null ? new ArrayList<>(4) : causes;
        appendCauses(state, now, all);
        return all;
    }

    /** Whether {@link #causesOf} has anything for {@code state} at {@code now}. */
    private static boolean restrictsAt(ControlState state, Instant now) {
        return state.killSwitch() != null || state.maintenance() != null || state.isPausedAt(now)
                || state.isReduceOnlyAt(now);
    }

    /**
     * The controls one scope's state imposes at {@code now}, in kill switch, maintenance, pause,
     * reduce-only order (most restrictive first).
     */
    public static List<Cause> causesOf(ControlState state, Instant now) {
        if (!restrictsAt(state, now)) {
            return List.of();
        }
        List<Cause> causes = new ArrayList<>(2);
        appendCauses(state, now, causes);
        return causes;
    }

    private static void appendCauses(ControlState state, Instant now, List<Cause> causes) {
        if (state.killSwitch() != null) {
            causes.add(cause(state.scope(), Cause.Kind.KILL_SWITCH, ControlMode.HALTED,
                    state.killSwitch().engagedBy(), null, null));
        }
        if (state.maintenance() != null) {
            causes.add(cause(state.scope(), Cause.Kind.MAINTENANCE, ControlMode.PAUSED,
                    state.maintenance().enabledBy(), null, state.maintenance().message()));
        }
        if (state.isPausedAt(now)) {
            causes.add(cause(state.scope(), Cause.Kind.PAUSE, ControlMode.PAUSED,
                    state.pause().setBy(), state.pause().expiresAt(), null));
        }
        if (state.isReduceOnlyAt(now)) {
            causes.add(cause(state.scope(), Cause.Kind.REDUCE_ONLY, ControlMode.REDUCE_ONLY,
                    state.reduceOnly().setBy(), state.reduceOnly().expiresAt(), null));
        }
    }

    private static Cause cause(Scope scope, Cause.Kind kind, ControlMode mode, Provenance by, Instant expiresAt,
                               String message) {
        return new Cause(scope, kind, mode, by.actorSubject(), by.at(), by.reason(), by.commandId(), expiresAt,
                message);
    }
}
