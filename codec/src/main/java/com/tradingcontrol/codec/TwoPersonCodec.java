package com.tradingcontrol.codec;

import com.tradingcontrol.domain.ApproveProposal;
import com.tradingcontrol.domain.Command;
import com.tradingcontrol.domain.DomainEvent;
import com.tradingcontrol.domain.ProposalAction;
import com.tradingcontrol.domain.ProposalCancelled;
import com.tradingcontrol.domain.ProposalExpired;
import com.tradingcontrol.domain.ProposalOpened;
import com.tradingcontrol.domain.ProposalRejected;
import com.tradingcontrol.domain.RejectProposal;
import com.tradingcontrol.schemas.avro.ApproveKillSwitchRelease;
import com.tradingcontrol.schemas.avro.ApproveTwoPersonProposal;
import com.tradingcontrol.schemas.avro.KillSwitchReleaseCancelled;
import com.tradingcontrol.schemas.avro.KillSwitchReleaseExpired;
import com.tradingcontrol.schemas.avro.KillSwitchReleaseProposed;
import com.tradingcontrol.schemas.avro.KillSwitchReleaseRejected;
import com.tradingcontrol.schemas.avro.RejectKillSwitchRelease;
import com.tradingcontrol.schemas.avro.RejectTwoPersonProposal;
import com.tradingcontrol.schemas.avro.TwoPersonProposalCancelled;
import com.tradingcontrol.schemas.avro.TwoPersonProposalExpired;
import com.tradingcontrol.schemas.avro.TwoPersonProposalRejected;
import com.tradingcontrol.schemas.avro.TwoPersonProposed;

import static com.tradingcontrol.domain.ProposalAction.KILL_SWITCH_RELEASE;

/**
 * The Avro records of the two-person proposals. The kill-switch release keeps the records it was
 * released with (CommandEnvelope v4, EventEnvelope v3: {@code ApproveKillSwitchRelease},
 * {@code KillSwitchReleaseProposed}, ...), so readers of those versions go on reading it; the other
 * actions use the generic records with an {@code action} (CommandEnvelope v5, EventEnvelope v4).
 */
public final class TwoPersonCodec {

    private TwoPersonCodec() {
    }

    /** The Avro payload of a proposal event, or null when {@code event} is none. */
    static Object toAvro(DomainEvent event) {
        boolean release = event instanceof ProposalOpened o ? o.action() == KILL_SWITCH_RELEASE
                : event instanceof ProposalRejected r ? r.action() == KILL_SWITCH_RELEASE
                : event instanceof ProposalCancelled c ? c.action() == KILL_SWITCH_RELEASE
                : event instanceof ProposalExpired x && x.action() == KILL_SWITCH_RELEASE;
        if (event instanceof ProposalOpened e) {
            return release ? new KillSwitchReleaseProposed(e.reason(), e.expiresAt())
                    : new TwoPersonProposed(e.action().name(), e.reason(), e.expiresAt());
        }
        if (event instanceof ProposalRejected e) {
            return release ? new KillSwitchReleaseRejected(e.reason())
                    : new TwoPersonProposalRejected(e.action().name(), e.reason());
        }
        if (event instanceof ProposalCancelled e) {
            return release ? new KillSwitchReleaseCancelled(e.reason())
                    : new TwoPersonProposalCancelled(e.action().name(), e.reason());
        }
        if (event instanceof ProposalExpired e) {
            return release ? new KillSwitchReleaseExpired(e.expiredAt())
                    : new TwoPersonProposalExpired(e.action().name(), e.expiredAt());
        }
        return null;
    }

    /** The proposal event of an Avro payload, or null when {@code payload} is none. */
    static DomainEvent fromAvro(Object payload) {
        if (payload instanceof KillSwitchReleaseProposed p) {
            return new ProposalOpened(KILL_SWITCH_RELEASE, p.getReason(), p.getExpiresAt());
        }
        if (payload instanceof KillSwitchReleaseRejected p) {
            return new ProposalRejected(KILL_SWITCH_RELEASE, p.getReason());
        }
        if (payload instanceof KillSwitchReleaseCancelled p) {
            return new ProposalCancelled(KILL_SWITCH_RELEASE, p.getReason());
        }
        if (payload instanceof KillSwitchReleaseExpired p) {
            return new ProposalExpired(KILL_SWITCH_RELEASE, p.getExpiredAt());
        }
        if (payload instanceof TwoPersonProposed p) {
            return new ProposalOpened(action(p.getAction()), p.getReason(), p.getExpiresAt());
        }
        if (payload instanceof TwoPersonProposalRejected p) {
            return new ProposalRejected(action(p.getAction()), p.getReason());
        }
        if (payload instanceof TwoPersonProposalCancelled p) {
            return new ProposalCancelled(action(p.getAction()), p.getReason());
        }
        if (payload instanceof TwoPersonProposalExpired p) {
            return new ProposalExpired(action(p.getAction()), p.getExpiredAt());
        }
        return null;
    }

    /** The approve / reject command of an Avro payload, or null when {@code payload} is none. */
    static Command commandFromAvro(Object payload) {
        if (payload instanceof ApproveKillSwitchRelease p) {
            return new ApproveProposal(KILL_SWITCH_RELEASE, p.getReason());
        }
        if (payload instanceof RejectKillSwitchRelease p) {
            return new RejectProposal(KILL_SWITCH_RELEASE, p.getReason());
        }
        if (payload instanceof ApproveTwoPersonProposal p) {
            return new ApproveProposal(commandAction(p.getAction()), p.getReason());
        }
        if (payload instanceof RejectTwoPersonProposal p) {
            return new RejectProposal(commandAction(p.getAction()), p.getReason());
        }
        return null;
    }

    /** The Avro payload approving ({@code approve}) or rejecting the proposal of {@code action}. */
    public static Object commandToAvro(boolean approve, ProposalAction action, String reason) {
        if (action == KILL_SWITCH_RELEASE) {
            return approve ? new ApproveKillSwitchRelease(reason) : new RejectKillSwitchRelease(reason);
        }
        return approve ? new ApproveTwoPersonProposal(action.name(), reason)
                : new RejectTwoPersonProposal(action.name(), reason);
    }

    private static ProposalAction action(String name) {
        try {
            return ProposalAction.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown two-person action '" + name + "'", e);
        }
    }

    private static ProposalAction commandAction(String name) {
        try {
            return action(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidCommandException(e.getMessage());
        }
    }
}
