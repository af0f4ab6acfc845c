package com.tradingcontrol.processors.domain.control;

import com.tradingcontrol.processors.domain.CommandEnvelope;
import com.tradingcontrol.processors.domain.ControlCommand;
import com.tradingcontrol.processors.domain.Decision;
import com.tradingcontrol.processors.domain.DomainEvent;
import com.tradingcontrol.processors.domain.EngageKillSwitch;
import com.tradingcontrol.processors.domain.EventMeta;
import com.tradingcontrol.processors.domain.KillSwitchEngaged;
import com.tradingcontrol.processors.domain.KillSwitchReleased;
import com.tradingcontrol.processors.domain.MaintenanceModeChanged;
import com.tradingcontrol.processors.domain.PauseTrading;
import com.tradingcontrol.processors.domain.RecordedEvent;
import com.tradingcontrol.processors.domain.RejectionCode;
import com.tradingcontrol.processors.domain.ReleaseKillSwitch;
import com.tradingcontrol.processors.domain.ResumeTrading;
import com.tradingcontrol.processors.domain.Scope;
import com.tradingcontrol.processors.domain.SetMaintenanceMode;
import com.tradingcontrol.processors.domain.TradingPaused;
import com.tradingcontrol.processors.domain.TradingResumed;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The state machine of one control aggregate, for commands that passed role and field checks. */
final class ControlTransitions {

    private ControlTransitions() {
    }

    static Decision apply(CommandEnvelope envelope, ControlCommand command, ControlState state, ControlView view) {
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
        if (command instanceof EngageKillSwitch engage) {
            if (state.isKillSwitchEngaged()) {
                return Decision.noOp("kill switch already engaged by "
                        + state.killSwitch().engagedBy().actorSubject() + " at " + state.killSwitch().engagedBy().at());
            }
            return Decision.accepted(new KillSwitchEngaged(engage.reason()));
        }
        if (command instanceof ReleaseKillSwitch release) {
            if (!state.isKillSwitchEngaged()) {
                return Decision.noOp("kill switch is not engaged; nothing to release");
            }
            return starting(envelope, state, view, new KillSwitchReleased(release.reason()));
        }
        return maintenance(envelope, (SetMaintenanceMode) command, state, view);
    }

    /**
     * Re-pausing may only extend a pause. Shortening one (an earlier expiry, or a timed pause over
     * an indefinite one) would resume trading earlier than whoever paused intended, so it must be
     * an explicit resume instead.
     */
    private static Decision pause(Instant issuedAt, PauseTrading command, ControlState state) {
        TradingPaused event = new TradingPaused(command.scope(), command.reason(), command.expiresAt());
        if (!state.isPausedAt(issuedAt)) {
            return Decision.accepted(event);
        }
        ControlState.Pause current = state.pause();
        String by = " by " + current.setBy().actorSubject() + " at " + current.setBy().at();
        if (Objects.equals(current.expiresAt(), command.expiresAt())) {
            return Decision.noOp(state.scope() + " is already paused" + by + until(current.expiresAt()));
        }
        boolean shortens = command.expiresAt() != null
                && (current.expiresAt() == null || command.expiresAt().isBefore(current.expiresAt()));
        if (shortens) {
            return Decision.rejected(RejectionCode.INVALID_STATE, state.scope() + " is already paused" + by
                    + until(current.expiresAt()) + "; a pause can only be extended, resume explicitly instead");
        }
        return Decision.accepted(List.of(event), "pause on " + state.scope() + " extended"
                + until(command.expiresAt()));
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
