package com.tradingcontrol.domain.control;

import com.tradingcontrol.domain.ApproveProposal;
import com.tradingcontrol.domain.Checks;
import com.tradingcontrol.domain.CommandEnvelope;
import com.tradingcontrol.domain.ControlCommand;
import com.tradingcontrol.domain.Decision;
import com.tradingcontrol.domain.EngageKillSwitch;
import com.tradingcontrol.domain.LiftReduceOnly;
import com.tradingcontrol.domain.PauseTrading;
import com.tradingcontrol.domain.ProposalAction;
import com.tradingcontrol.domain.RejectProposal;
import com.tradingcontrol.domain.RejectionCode;
import com.tradingcontrol.domain.ReleaseKillSwitch;
import com.tradingcontrol.domain.ResumeTrading;
import com.tradingcontrol.domain.RoleMatrix;
import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.domain.SetMaintenanceMode;
import com.tradingcontrol.domain.SetReduceOnly;

import java.time.Instant;
import java.util.Optional;

/**
 * Decides trading-control commands. Checks run in a fixed order: role, field validation,
 * optimistic concurrency, then the state machine in {@link ControlTransitions}.
 */
public final class ControlDecider {

    public static final int MAX_MAINTENANCE_MESSAGE_LENGTH = 500;

    private ControlDecider() {
    }

    /**
     * @param state the state of the aggregate {@code AggregateIds.of(envelope.payload())}
     * @throws IllegalArgumentException if the payload is not a control command or the state belongs
     *                                  to another scope (a routing bug, never a business outcome)
     */
    public static Decision decide(CommandEnvelope envelope, ControlState state, ControlView view) {
        return decide(envelope, state, view, TwoPersonRule.DEFAULT);
    }

    /** @param rule which actions need two admins (the config in force) */
    public static Decision decide(CommandEnvelope envelope, ControlState state, ControlView view, TwoPersonRule rule) {
        if (!(envelope.payload() instanceof ControlCommand command)) {
            throw new IllegalArgumentException("not a control command: " + envelope.payload());
        }
        Optional<Decision.Rejected> failure = Checks.firstFailure(
                () -> Checks.authorized(envelope.actor(), RoleMatrix.allowedRoles(command), action(command)),
                () -> validate(command, envelope.issuedAt()));
        if (failure.isPresent()) {
            return failure.get();
        }
        if (!command.targetScope().equals(state.scope())) {
            throw new IllegalArgumentException("command for " + command.targetScope()
                    + " routed to aggregate " + state.aggregateId());
        }
        Optional<Decision.Rejected> conflict = Checks.expectedVersion(envelope, state);
        if (conflict.isPresent()) {
            return conflict.get();
        }
        return ControlTransitions.apply(envelope, command, state, view, rule);
    }

    private static String action(ControlCommand command) {
        if (command instanceof PauseTrading) {
            return "pause trading";
        }
        if (command instanceof ResumeTrading) {
            return "resume trading";
        }
        if (command instanceof EngageKillSwitch) {
            return "engage the kill switch";
        }
        if (command instanceof ReleaseKillSwitch) {
            return "propose releasing the kill switch";
        }
        if (command instanceof ApproveProposal approve) {
            return "approve the proposal to " + approve.action().words();
        }
        if (command instanceof RejectProposal reject) {
            return "reject the proposal to " + reject.action().words();
        }
        if (command instanceof SetReduceOnly) {
            return "set reduce-only";
        }
        if (command instanceof LiftReduceOnly) {
            return "lift reduce-only";
        }
        return "change maintenance mode";
    }

    private static Optional<Decision.Rejected> validate(ControlCommand command, Instant issuedAt) {
        if (command.targetScope() == null) {
            return Checks.fail(RejectionCode.VALIDATION_FAILED, "scope is required");
        }
        return Checks.firstFailure(() -> fields(command, issuedAt), () -> proposalExpiry(command, issuedAt));
    }

    private static Optional<Decision.Rejected> fields(ControlCommand command, Instant issuedAt) {
        if (command instanceof PauseTrading pause) {
            return Checks.firstFailure(
                    () -> Checks.reason(pause.reason()),
                    () -> tenantQualified(pause.scope()),
                    () -> expiryInFuture(pause.expiresAt(), issuedAt));
        }
        if (command instanceof SetReduceOnly reduceOnly) {
            return Checks.firstFailure(
                    () -> Checks.reason(reduceOnly.reason()),
                    () -> tenantQualified(reduceOnly.scope()),
                    () -> expiryInFuture(reduceOnly.expiresAt(), issuedAt));
        }
        if (command instanceof LiftReduceOnly lift) {
            return Checks.reason(lift.reason());
        }
        if (command instanceof ResumeTrading resume) {
            return Checks.reason(resume.reason());
        }
        if (command instanceof EngageKillSwitch engage) {
            return Checks.reason(engage.reason());
        }
        if (command instanceof ReleaseKillSwitch release) {
            return Checks.reason(release.reason());
        }
        if (command instanceof ApproveProposal approve) {
            return Checks.firstFailure(() -> action(approve.action()), () -> Checks.reason(approve.reason()));
        }
        if (command instanceof RejectProposal reject) {
            return Checks.firstFailure(() -> action(reject.action()), () -> Checks.reason(reject.reason()));
        }
        SetMaintenanceMode maintenance = (SetMaintenanceMode) command;
        return Checks.firstFailure(
                () -> Checks.reason(maintenance.reason()),
                () -> maintenance.on()
                        ? Checks.requiredText("message", maintenance.message(), MAX_MAINTENANCE_MESSAGE_LENGTH)
                        : Optional.empty());
    }

    /** Legacy strategy scopes stay readable and may be lifted, but are never set again (see {@code Scope}). */
    private static Optional<Decision.Rejected> tenantQualified(Scope scope) {
        if (!scope.isLegacyStrategy()) {
            return Optional.empty();
        }
        return Checks.fail(RejectionCode.VALIDATION_FAILED, "'" + scope + "' does not name its tenant:"
                + " profile ids are unique only within a tenant, use strategy:<tenantId>:" + scope.profileId());
    }

    private static Optional<Decision.Rejected> action(ProposalAction action) {
        return action != null ? Optional.empty()
                : Checks.fail(RejectionCode.VALIDATION_FAILED, "action is required");
    }

    /**
     * The optional time-to-live of the proposal a command would open under its two-person rule
     * ({@code ReleaseKillSwitch.expiresAt}, {@code proposalExpiresAt} of a resume or maintenance change):
     * after issuedAt, at most {@link TwoPersonDecisions#MAX_TTL} ahead, and only on a command a rule
     * may cover (the kill-switch release, a resume of global, maintenance off).
     */
    private static Optional<Decision.Rejected> proposalExpiry(ControlCommand command, Instant issuedAt) {
        String field = "proposalExpiresAt";
        Instant expiresAt = null;
        if (command instanceof ReleaseKillSwitch release) {
            field = "expiresAt";
            expiresAt = release.expiresAt();
        } else if (command instanceof ResumeTrading resume) {
            expiresAt = resume.proposalExpiresAt();
        } else if (command instanceof SetMaintenanceMode maintenance) {
            expiresAt = maintenance.proposalExpiresAt();
        }
        if (expiresAt == null) {
            return Optional.empty();
        }
        ProposalAction action = ProposalAction.proposedBy(command);
        if (action == null) {
            return Checks.fail(RejectionCode.VALIDATION_FAILED, field + " is the time-to-live of a two-person"
                    + " proposal: only a resume of global and switching maintenance off may name one");
        }
        if (expiresAt.isAfter(issuedAt.plus(TwoPersonDecisions.MAX_TTL))) {
            return Checks.fail(RejectionCode.VALIDATION_FAILED, "a proposal to " + action.words() + " may wait at most "
                    + TwoPersonDecisions.MAX_TTL.toMinutes() + " minutes for its approval; " + field + " "
                    + expiresAt + " is later");
        }
        return expiryInFuture(field, expiresAt, issuedAt);
    }

    private static Optional<Decision.Rejected> expiryInFuture(Instant expiresAt, Instant issuedAt) {
        return expiryInFuture("expiresAt", expiresAt, issuedAt);
    }

    private static Optional<Decision.Rejected> expiryInFuture(String field, Instant expiresAt, Instant issuedAt) {
        if (expiresAt == null || expiresAt.isAfter(issuedAt)) {
            return Optional.empty();
        }
        return Checks.fail(RejectionCode.VALIDATION_FAILED,
                field + " " + expiresAt + " is not after the command's issuedAt " + issuedAt);
    }
}
