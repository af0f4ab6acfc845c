package com.tradingcontrol.domain.control;

import com.tradingcontrol.domain.Checks;
import com.tradingcontrol.domain.CommandEnvelope;
import com.tradingcontrol.domain.Decision;
import com.tradingcontrol.domain.DomainEvent;
import com.tradingcontrol.domain.KillSwitchReleased;
import com.tradingcontrol.domain.MaintenanceModeChanged;
import com.tradingcontrol.domain.ProposalAction;
import com.tradingcontrol.domain.ProposalCancelled;
import com.tradingcontrol.domain.ProposalExpired;
import com.tradingcontrol.domain.ProposalOpened;
import com.tradingcontrol.domain.ProposalRejected;
import com.tradingcontrol.domain.RejectProposal;
import com.tradingcontrol.domain.RejectionCode;
import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.domain.TradingResumed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The two-person rule for the actions of {@link ProposalAction}: under its rule one person's command
 * only opens a proposal, a different admin approves it before it lapses (the action then takes
 * effect), any admin may reject it, and a new restriction of the same kind (kill switch engaged
 * again, a new global pause, maintenance on again) cancels it. Until approved nothing about trading
 * changes.
 */
final class TwoPersonDecisions {

    /** How long a proposal waits for its second admin when the proposer names no expiry. */
    static final Duration DEFAULT_TTL = Duration.ofMinutes(10);
    /** A proposal is an intent for now, not a standing order: it may not wait longer than this. */
    static final Duration MAX_TTL = Duration.ofHours(1);

    private TwoPersonDecisions() {
    }

    /** @param expiresAt nullable: {@link #DEFAULT_TTL} after the command's issuedAt */
    static Decision propose(CommandEnvelope envelope, ProposalAction action, String reason, Instant expiresAt,
                            ControlState state) {
        TwoPersonProposals.Proposal open = state.proposals().openAt(action, envelope.issuedAt());
        if (open != null) {
            return Decision.rejected(RejectionCode.INVALID_STATE, "a proposal by " + open.proposedBy().actorSubject()
                    + " to " + action.words() + " awaits a second admin until " + open.expiresAt()
                    + "; approve or reject it");
        }
        Instant until = expiresAt != null ? expiresAt : envelope.issuedAt().plus(DEFAULT_TTL);
        return Decision.accepted(List.of(new ProposalOpened(action, reason, until)), "proposed to " + action.words()
                + "; nothing changes until a different admin approves before " + until);
    }

    /** Why this approval may not take the action, or empty when it may. */
    static Optional<Decision.Rejected> approvalRefusal(CommandEnvelope envelope, ProposalAction action,
                                                       ControlState state) {
        TwoPersonProposals.Proposal proposal = state.proposal(action);
        if (proposal == null) {
            return Checks.fail(RejectionCode.INVALID_STATE, "no proposal to " + action.words() + " to approve");
        }
        if (!proposal.appliesAt(envelope.issuedAt())) {
            return Checks.fail(RejectionCode.INVALID_STATE, "the proposal of " + proposal.proposedBy().actorSubject()
                    + " to " + action.words() + " expired at " + proposal.expiresAt() + "; propose again");
        }
        if (proposal.proposedBy().actorSubject().equals(envelope.actor().subject())) {
            return Checks.fail(RejectionCode.SECOND_ADMIN_REQUIRED,
                    "you proposed to " + action.words() + "; a different admin must approve it");
        }
        return Optional.empty();
    }

    /** The event an approved proposal of {@code action} takes effect with, carrying the approver's reason. */
    static DomainEvent approved(ProposalAction action, String reason) {
        return switch (action) {
            case KILL_SWITCH_RELEASE -> new KillSwitchReleased(reason);
            case GLOBAL_RESUME -> new TradingResumed(Scope.global(), reason);
            case MAINTENANCE_OFF -> new MaintenanceModeChanged(false, null, reason);
        };
    }

    static Decision reject(CommandEnvelope envelope, RejectProposal command, ControlState state) {
        if (state.proposals().openAt(command.action(), envelope.issuedAt()) == null) {
            return Decision.noOp("no open proposal to " + command.action().words() + "; nothing to reject");
        }
        return Decision.accepted(new ProposalRejected(command.action(), command.reason()));
    }

    /**
     * The action was taken at once (its rule switched off after a proposal was opened): the decision
     * gains the event that closes the proposal, {@link ProposalCancelled}, or {@link ProposalExpired}
     * when it had lapsed already and its expiry event is not folded yet. Without an open proposal the
     * decision is unchanged.
     */
    static Decision takenWithoutProposal(Decision taken, CommandEnvelope envelope, ProposalAction action,
                                         ControlState state) {
        TwoPersonProposals.Proposal open = state.proposal(action);
        if (open == null || !(taken instanceof Decision.Accepted accepted)) {
            return taken;
        }
        List<DomainEvent> events = new ArrayList<>(accepted.events());
        boolean lapsed = !open.appliesAt(envelope.issuedAt());
        events.add(lapsed ? new ProposalExpired(action, open.expiresAt())
                : new ProposalCancelled(action, envelope.actor().subject() + " did it at once"
                        + " (no second admin is required any more)"));
        String closed = "the open proposal of " + open.proposedBy().actorSubject() + " to " + action.words()
                + (lapsed ? " had lapsed" : " is cancelled");
        return Decision.accepted(events, accepted.note() == null ? closed : accepted.note() + "; " + closed);
    }

    /**
     * A new restriction cancels the open proposal of {@code action} to lift the old one: the decision
     * gains a {@link ProposalCancelled} (a no-op becomes an acceptance of the cancellation alone). A
     * rejected restriction cancels nothing.
     */
    static Decision cancelling(Decision decision, ProposalAction action, String reason, ControlState state,
                               Instant now) {
        TwoPersonProposals.Proposal open = state.proposals().openAt(action, now);
        if (open == null || !(decision instanceof Decision.Accepted accepted)) {
            return decision;
        }
        List<DomainEvent> events = new ArrayList<>(accepted.events());
        events.add(new ProposalCancelled(action, reason));
        String cancelled = "the open proposal of " + open.proposedBy().actorSubject() + " to " + action.words()
                + " is cancelled";
        return Decision.accepted(events, accepted.note() == null ? cancelled : accepted.note() + "; " + cancelled);
    }
}
