package com.tradingcontrol.domain.control;

import com.tradingcontrol.domain.CommandEnvelope;
import com.tradingcontrol.domain.ControlCommand;
import com.tradingcontrol.domain.Decision;
import com.tradingcontrol.domain.DomainEvent;
import com.tradingcontrol.domain.EngageKillSwitch;
import com.tradingcontrol.domain.ApproveKillSwitchRelease;
import com.tradingcontrol.domain.RejectKillSwitchRelease;
import com.tradingcontrol.domain.EventMeta;
import com.tradingcontrol.domain.KillSwitchReleased;
import com.tradingcontrol.domain.LiftReduceOnly;
import com.tradingcontrol.domain.MaintenanceModeChanged;
import com.tradingcontrol.domain.PauseTrading;
import com.tradingcontrol.domain.RecordedEvent;
import com.tradingcontrol.domain.ReduceOnlyLifted;
import com.tradingcontrol.domain.ReduceOnlySet;
import com.tradingcontrol.domain.RejectionCode;
import com.tradingcontrol.domain.ReleaseKillSwitch;
import com.tradingcontrol.domain.ResumeTrading;
import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.domain.SetMaintenanceMode;
import com.tradingcontrol.domain.SetReduceOnly;
import com.tradingcontrol.domain.TradingPaused;
import com.tradingcontrol.domain.TradingResumed;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The state machine of one control aggregate, for commands that passed role and field checks. */
final class ControlTransitions {

    private ControlTransitions() {
    }

    static Decision apply(CommandEnvelope envelope, ControlCommand command, ControlState state, ControlView view,
                          TwoPersonRule rule) {
        if (command instanceof PauseTrading pause) {
            return pause(envelope.issuedAt(), pause, state);
        }
        if (command instanceof ResumeTrading resume) {
            // A pause past its expiry whose PauseExpired is not folded yet still counts: resuming
            // it records an explicit end instead of leaving a stale pause for the punctuation.
            if (state.pause() == null) {
                return Decision.noOp("trading is not paused on " + state.scope() + "; nothing to resume");
            }
            return starting(envelope, state, view, new TradingResumed(resume.scope(), resume.reason()));
        }
        if (command instanceof SetReduceOnly set) {
            return extendOnly(envelope.issuedAt(), state, state.reduceOnly(), set.expiresAt(),
                    new ReduceOnlySet(set.scope(), set.reason(), set.expiresAt()), REDUCE_ONLY_WORDS);
        }
        if (command instanceof LiftReduceOnly lift) {
            // Like resume: an expired reduce-only whose lapse is not folded yet still gets an explicit end.
            if (state.reduceOnly() == null) {
                return Decision.noOp(state.scope() + " is not reduce-only; nothing to lift");
            }
            return starting(envelope, state, view, new ReduceOnlyLifted(lift.scope(), lift.reason()));
        }
        if (command instanceof EngageKillSwitch engage) {
            return KillSwitchRelease.engage(engage, state, envelope.issuedAt());
        }
        if (command instanceof ReleaseKillSwitch release) {
            if (!rule.killSwitchRelease() && state.isKillSwitchEngaged()) {
                return starting(envelope, state, view, new KillSwitchReleased(release.reason()));
            }
            return KillSwitchRelease.propose(envelope, release, state);
        }
        if (command instanceof ApproveKillSwitchRelease approve) {
            Optional<Decision.Rejected> refusal = KillSwitchRelease.approvalRefusal(envelope, state);
            return refusal.isPresent() ? refusal.get()
                    : starting(envelope, state, view, new KillSwitchReleased(approve.reason()));
        }
        if (command instanceof RejectKillSwitchRelease reject) {
            return KillSwitchRelease.reject(envelope, reject, state);
        }
        return maintenance(envelope, (SetMaintenanceMode) command, state, view);
    }

    /** How {@link #extendOnly} words its notes for one kind of timed control. */
    private record Words(String state, String name, String noun, String lift) {
    }

    private static final Words PAUSE_WORDS = new Words("paused", "pause", "a pause", "resume explicitly instead");
    private static final Words REDUCE_ONLY_WORDS = new Words("reduce-only", "reduce-only", "reduce-only",
            "lift it explicitly instead");

    private static Decision pause(Instant issuedAt, PauseTrading command, ControlState state) {
        return extendOnly(issuedAt, state, state.pause(), command.expiresAt(),
                new TradingPaused(command.scope(), command.reason(), command.expiresAt()), PAUSE_WORDS);
    }

    /**
     * Re-setting a timed control (pause, reduce-only) may only extend it. Shortening one (an earlier
     * expiry, or a timed control over an indefinite one) would restore trading earlier than whoever
     * set it intended, so it must be an explicit resume / lift instead.
     */
    private static Decision extendOnly(Instant issuedAt, ControlState state, ControlState.Timed current,
                                       Instant expiresAt, DomainEvent event, Words words) {
        if (current == null || !current.appliesAt(issuedAt)) {
            return Decision.accepted(event);
        }
        String by = " by " + current.setBy().actorSubject() + " at " + current.setBy().at();
        String already = state.scope() + " is already " + words.state() + by + until(current.expiresAt());
        if (Objects.equals(current.expiresAt(), expiresAt)) {
            return Decision.noOp(already);
        }
        boolean shortens = expiresAt != null
                && (current.expiresAt() == null || expiresAt.isBefore(current.expiresAt()));
        if (shortens) {
            return Decision.rejected(RejectionCode.INVALID_STATE, already + "; " + words.noun()
                    + " can only be extended, " + words.lift());
        }
        return Decision.accepted(List.of(event), words.name() + " on " + state.scope() + " extended" + until(expiresAt));
    }

    private static Decision maintenance(CommandEnvelope envelope, SetMaintenanceMode command, ControlState state,
                                        ControlView view) {
        MaintenanceModeChanged event = new MaintenanceModeChanged(command.on(),
                command.on() ? command.message() : null, command.reason());
        if (command.on()) {
            if (state.isMaintenanceOn() && state.maintenance().message().equals(command.message())) {
                return Decision.noOp("maintenance mode is already on with this message");
            }
            return Decision.accepted(event);
        }
        if (!state.isMaintenanceOn()) {
            return Decision.noOp("maintenance mode is already off");
        }
        return starting(envelope, state, view, event);
    }

    /**
     * Accepts an event that lifts a restriction, noting when other controls keep trading restricted
     * in this scope (e.g. resuming a global pause while the kill switch is engaged).
     */
    private static Decision starting(CommandEnvelope envelope, ControlState state, ControlView view,
                                     DomainEvent event) {
        EventMeta meta = new EventMeta(envelope.actor().subject(), envelope.issuedAt(), envelope.commandId());
        ControlState after = ControlEvolver.evolve(state, new RecordedEvent(meta, event));
        Scope scope = state.scope();
        // A legacy strategy scope has no tenant to ask about: its note covers global and the scope itself.
        boolean strategy = scope.type() == Scope.Type.STRATEGY && !scope.isLegacyStrategy();
        EffectiveMode effective = EffectiveModeCalculator.effective(view.with(after), scope.tenantId(),
                strategy ? scope.profileId() : null,
                scope.type() == Scope.Type.SYMBOL ? scope.id() : null,
                envelope.issuedAt());
        return Decision.accepted(List.of(event), effective.staysRestrictedNote());
    }

    private static String until(Instant expiresAt) {
        return expiresAt == null ? " indefinitely" : " until " + expiresAt;
    }
}
