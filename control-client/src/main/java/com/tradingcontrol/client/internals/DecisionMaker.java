package com.tradingcontrol.client.internals;

import com.tradingcontrol.client.Decision;
import com.tradingcontrol.client.DecisionCause;
import com.tradingcontrol.domain.ControlMode;
import com.tradingcontrol.domain.control.Cause;
import com.tradingcontrol.domain.control.ControlState;
import com.tradingcontrol.domain.control.EffectiveMode;
import com.tradingcontrol.domain.control.EffectiveModeCalculator;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a snapshot into a {@link Decision} with the domain's one rule
 * ({@link EffectiveModeCalculator}), at the clock's now, and overrides it with HALTED/STALE while
 * the lease is not confirmed. Stateless apart from its collaborators; called on engine threads.
 */
final class DecisionMaker {

    /** The client's kind of each domain kind, by ordinal: {@code valueOf(name())} on every cause cost a lookup. */
    private static final DecisionCause.Kind[] KINDS = java.util.Arrays.stream(Cause.Kind.values())
            .map(kind -> DecisionCause.Kind.valueOf(kind.name())).toArray(DecisionCause.Kind[]::new);

    private static final java.util.Comparator<DecisionCause> MOST_RESTRICTIVE_FIRST =
            java.util.Comparator.comparing(DecisionCause::mode).reversed();

    private final Clock clock;

    DecisionMaker(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param halts pending fast halts merged in (most restrictive wins); {@link HaltOverlay#EMPTY}
     *              costs one branch
     */
    Decision decide(StateSnapshot view, HaltOverlay halts, String staleReason, String tenantId, String profileId,
                    String symbol) {
        Instant now = clock.instant();
        EffectiveMode effective = EffectiveModeCalculator.effective(view, view, tenantId, profileId, symbol, now);
        if (staleReason == null && halts.isEmpty() && effective.causes().isEmpty()) {
            return new Decision(ControlMode.ACTIVE, true, true, List.of(), view.viewVersion(), false, now);
        }
        List<DecisionCause> causes = new ArrayList<>(effective.causes().size() + 1);
        if (staleReason != null) {
            causes.add(new DecisionCause(null, DecisionCause.Kind.STALE, ControlMode.HALTED, null, null, staleReason,
                    null, null, null, -1));
        }
        for (Cause cause : effective.causes()) {
            causes.add(clientCause(cause, view, tenantId, profileId));
        }
        ControlMode mode = staleReason != null ? ControlMode.HALTED : effective.mode();
        if (!halts.isEmpty()) {
            int before = causes.size();
            halts.addCauses(tenantId, profileId, symbol, now, causes);
            if (causes.size() > before) {
                causes.sort(MOST_RESTRICTIVE_FIRST); // stable: a STALE cause stays first
                mode = causes.get(0).mode().compareTo(mode) > 0 ? causes.get(0).mode() : mode;
            }
        }
        return new Decision(mode, Decision.mayOpen(mode), Decision.mayReduce(mode), causes, view.viewVersion(),
                staleReason != null, now);
    }

    /**
     * A control's cause as mapped when the snapshot was built (always there: the rule found it in the
     * same snapshot); a profile's cause, which is about the profile asked, mapped now.
     */
    private static DecisionCause clientCause(Cause cause, StateSnapshot view, String tenantId, String profileId) {
        return switch (cause.kind()) {
            case PROFILE_UNKNOWN -> map(cause, -1);
            case PROFILE_DISABLED -> {
                ProfileRecord profile = view.profile(tenantId, profileId);
                yield map(cause, profile == null ? -1 : profile.version());
            }
            default -> {
                DecisionCause indexed = view.index().causeOf(cause);
                yield indexed != null ? indexed : map(cause, -1);
            }
        };
    }

    static DecisionCause map(Cause cause, long scopeVersion) {
        return new DecisionCause(cause.scope().toString(), KINDS[cause.kind().ordinal()], cause.mode(),
                cause.setBy(), cause.setAt(), cause.reason(), cause.expiresAt(), cause.commandId(), cause.message(),
                scopeVersion);
    }

    /** The mode a scope's own state and pending halts impose on it (for reports). */
    static ControlMode modeAt(StateSnapshot view, HaltOverlay halts, com.tradingcontrol.domain.Scope scope,
                              Instant now) {
        ControlMode mode = halts.modeAt(scope, now);
        ControlState state = view.stateOf(scope);
        if (state != null) {
            for (Cause cause : EffectiveModeCalculator.causesOf(state, now)) {
                mode = cause.mode().compareTo(mode) > 0 ? cause.mode() : mode;
            }
        }
        return mode;
    }
}
