package com.tradingcontrol.domain.control;

import com.tradingcontrol.domain.Checks;
import com.tradingcontrol.domain.CommandEnvelope;
import com.tradingcontrol.domain.Decision;
import com.tradingcontrol.domain.EngageKillSwitch;
import com.tradingcontrol.domain.KillSwitchEngaged;
import com.tradingcontrol.domain.KillSwitchReleaseCancelled;
import com.tradingcontrol.domain.KillSwitchReleaseProposed;
import com.tradingcontrol.domain.KillSwitchReleaseRejected;
import com.tradingcontrol.domain.RejectionCode;
import com.tradingcontrol.domain.RejectKillSwitchRelease;
import com.tradingcontrol.domain.ReleaseKillSwitch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The two-person rule for releasing the kill switch, the most dangerous action in the system: one
 * admin proposes ({@link ReleaseKillSwitch}), a different admin approves before the proposal lapses;
 * any admin may reject it, and engaging the kill switch again cancels it. Until approved nothing
 * about trading changes: the kill switch stays engaged (HALTED everywhere).
 */
final class KillSwitchRelease {

    /** How long a proposal waits for its second admin when the proposer names no expiry. */
    static final Duration DEFAULT_TTL = Duration.ofMinutes(10);
    /** A proposal is an intent for now, not a standing order: it may not wait longer than this. */
    static final Duration MAX_TTL = Duration.ofHours(1);

    private KillSwitchRelease() {
    }

    static Instant expiresAt(ReleaseKillSwitch command, Instant issuedAt) {
        return command.expiresAt() != null ? command.expiresAt() : issuedAt.plus(DEFAULT_TTL);
    }

    static Decision engage(EngageKillSwitch engage, ControlState state, Instant now) {
        if (!state.isKillSwitchEngaged()) {
            return Decision.accepted(new KillSwitchEngaged(engage.reason()));
        }
        if (open(state, now) != null) {
            return Decision.accepted(List.of(new KillSwitchReleaseCancelled(engage.reason())),
                    "kill switch already engaged; the open release proposal of "
                            + state.releaseProposal().proposedBy().actorSubject() + " is cancelled");
        }
        return Decision.noOp("kill switch already engaged by "
                + state.killSwitch().engagedBy().actorSubject() + " at " + state.killSwitch().engagedBy().at());
    }

    static Decision propose(CommandEnvelope envelope, ReleaseKillSwitch command, ControlState state) {
        if (!state.isKillSwitchEngaged()) {
            return Decision.noOp("kill switch is not engaged; nothing to release");
        }
        ControlState.ReleaseProposal open = open(state, envelope.issuedAt());
        if (open != null) {
            return Decision.rejected(RejectionCode.INVALID_STATE, "a release proposed by "
                    + open.proposedBy().actorSubject() + " awaits a second admin until " + open.expiresAt()
                    + "; approve or reject it");
        }
        Instant expiresAt = expiresAt(command, envelope.issuedAt());
        return Decision.accepted(List.of(new KillSwitchReleaseProposed(command.reason(), expiresAt)),
                "release proposed; the kill switch stays engaged until a different admin approves before " + expiresAt);
    }

    /** Why this approval may not release the kill switch, or empty when it may. */
    static Optional<Decision.Rejected> approvalRefusal(CommandEnvelope envelope, ControlState state) {
        ControlState.ReleaseProposal proposal = state.releaseProposal();
        if (proposal == null) {
            return Checks.fail(RejectionCode.INVALID_STATE, "no kill-switch release proposal to approve");
        }
        if (!proposal.appliesAt(envelope.issuedAt())) {
            return Checks.fail(RejectionCode.INVALID_STATE,
                    "the release proposal of " + proposal.proposedBy().actorSubject() + " expired at "
                            + proposal.expiresAt() + "; propose again");
        }
        if (proposal.proposedBy().actorSubject().equals(envelope.actor().subject())) {
            return Checks.fail(RejectionCode.SECOND_ADMIN_REQUIRED,
                    "you proposed this release; a different admin must approve it");
        }
        return Optional.empty();
    }

    static Decision reject(CommandEnvelope envelope, RejectKillSwitchRelease command, ControlState state) {
        if (open(state, envelope.issuedAt()) == null) {
            return Decision.noOp("no open kill-switch release proposal; nothing to reject");
        }
        return Decision.accepted(new KillSwitchReleaseRejected(command.reason()));
    }

    /** The proposal still awaiting approval at {@code now}, or null. */
    private static ControlState.ReleaseProposal open(ControlState state, Instant now) {
        ControlState.ReleaseProposal proposal = state.releaseProposal();
        return proposal != null && proposal.appliesAt(now) ? proposal : null;
    }
}
