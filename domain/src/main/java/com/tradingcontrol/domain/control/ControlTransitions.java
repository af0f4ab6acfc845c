package com.tradingcontrol.domain.control;

import com.tradingcontrol.domain.CommandEnvelope;
import com.tradingcontrol.domain.ControlCommand;
import com.tradingcontrol.domain.Decision;
import com.tradingcontrol.domain.DomainEvent;
import com.tradingcontrol.domain.EngageKillSwitch;
import com.tradingcontrol.domain.ApproveProposal;
import com.tradingcontrol.domain.KillSwitchEngaged;
import com.tradingcontrol.domain.ProposalAction;
import com.tradingcontrol.domain.RejectProposal;
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
        Instant now = envelope.issuedAt();
        if (command instanceof PauseTrading pause) {
            return TwoPersonDecisions.cancelling(pause(now, pause, state), ProposalAction.GLOBAL_RESUME,
                    pause.reason(), state, now);
        }
        if (command instanceof ResumeTrading resume) {
            // A pause past its expiry whose PauseExpired is not folded yet still counts: resuming
            // it records an explicit end instead of leaving a stale pause for the punctuation.
            if (state.pause() == null) {
                return Decision.noOp("trading is not paused on " + state.scope() + "; nothing to resume");
            }
            return underRule(envelope, state, view, rule, resume.reason(), resume.proposalExpiresAt(),
                    new TradingResumed(resume.scope(), resume.reason()));
        }
        if (command instanceof SetReduceOnly set) {
            return extendOnly(now, state, state.reduceOnly(), set.expiresAt(),
                    new ReduceOnlySet(set.scope(), set.reason(), set.expiresAt()), REDUCE_ONLY_WORDS);
        }
        if (command instanceof LiftReduceOnly lift) {
            // Like resume: an expired reduce-only whose lapse is not folded yet still gets an explicit end.
            if (state.reduceOnly() == null) {
                return Decision.noOp(state.scope() + " is not reduce-only; nothing to lift");
            }
            return starting(envelope, state, view, new ReduceOnlyLifted(lift.scope(), lift.reason()));
        }
        if (command instanceof EngageKillSwitch || command instanceof ReleaseKillSwitch) {
            return killSwitch(envelope, command, state, view, rule);
        }
        if (command instanceof ApproveProposal || command instanceof RejectProposal) {
            return decideProposal(envelope, command, state, view);
        }
        SetMaintenanceMode maintenance = (SetMaintenanceMode) command;
        return maintenance.on()
                ? TwoPersonDecisions.cancelling(maintenanceOn(maintenance, state), ProposalAction.MAINTENANCE_OFF,
                        maintenance.reason(), state, now)
                : maintenanceOff(envelope, maintenance, state, view, rule);
    }

    /** Approving (the action then takes effect, as its own command would) or rejecting an open proposal. */
    private static Decision decideProposal(CommandEnvelope envelope, ControlCommand command, ControlState state,
                                           ControlView view) {
        if (command instanceof RejectProposal reject) {
            return TwoPersonDecisions.reject(envelope, reject, state);
        }
        ApproveProposal approve = (ApproveProposal) command;
        Optional<Decision.Rejected> refusal = TwoPersonDecisions.approvalRefusal(envelope, approve.action(), state);
        return refusal.isPresent() ? refusal.get()
                : starting(envelope, state, view, TwoPersonDecisions.approved(approve.action(), approve.reason()));
    }

    /**
     * A command lifting a restriction: under the two-person rule of the action it is only proposed
     * (see {@link TwoPersonDecisions}), else it takes effect at once.
     */
    private static Decision underRule(CommandEnvelope envelope, ControlState state, ControlView view,
                                      TwoPersonRule rule, String reason, Instant proposalExpiresAt, DomainEvent lifting) {
        ProposalAction action = ProposalAction.proposedBy(envelope.payload());
        if (action != null && rule.requires(action)) {
            return TwoPersonDecisions.propose(envelope, action, reason, proposalExpiresAt, state);
        }
        Decision taken = starting(envelope, state, view, lifting);
        return action == null ? taken : TwoPersonDecisions.takenWithoutProposal(taken, envelope, action, state);
    }

    /** Engaging again cancels an open release proposal; releasing is proposed under its rule. */
    private static Decision killSwitch(CommandEnvelope envelope, ControlCommand command, ControlState state,
                                       ControlView view, TwoPersonRule rule) {
        if (command instanceof EngageKillSwitch engage) {
            return TwoPersonDecisions.cancelling(engage(engage, state), ProposalAction.KILL_SWITCH_RELEASE,
                    engage.reason(), state, envelope.issuedAt());
        }
        ReleaseKillSwitch release = (ReleaseKillSwitch) command;
        if (!state.isKillSwitchEngaged()) {
            return Decision.noOp("kill switch is not engaged; nothing to release");
        }
        return underRule(envelope, state, view, rule, release.reason(), release.expiresAt(),
                new KillSwitchReleased(release.reason()));
    }

    private static Decision engage(EngageKillSwitch engage, ControlState state) {
        if (!state.isKillSwitchEngaged()) {
            return Decision.accepted(new KillSwitchEngaged(engage.reason()));
        }
        return Decision.noOp("kill switch already engaged by "
                + state.killSwitch().engagedBy().actorSubject() + " at " + state.killSwitch().engagedBy().at());
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

    private static Decision maintenanceOn(SetMaintenanceMode command, ControlState state) {
        if (state.isMaintenanceOn() && state.maintenance().message().equals(command.message())) {
            return Decision.noOp("maintenance mode is already on with this message");
        }
        return Decision.accepted(new MaintenanceModeChanged(true, command.message(), command.reason()));
    }

    private static Decision maintenanceOff(CommandEnvelope envelope, SetMaintenanceMode command, ControlState state,
                                           ControlView view, TwoPersonRule rule) {
        if (!state.isMaintenanceOn()) {
            return Decision.noOp("maintenance mode is already off");
        }
        return underRule(envelope, state, view, rule, command.reason(), command.proposalExpiresAt(),
                new MaintenanceModeChanged(false, null, command.reason()));
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
