package com.tradingcontrol.domain.control;

import com.tradingcontrol.domain.ProposalAction;
import com.tradingcontrol.domain.Provenance;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The open two-person proposals of the global scope, at most one per {@link ProposalAction}. A
 * proposal changes nothing about trading; it lapses at its {@code expiresAt} unless a different admin
 * approves it first. Immutable.
 */
public final class TwoPersonProposals {

    public static final TwoPersonProposals NONE = new TwoPersonProposals(new EnumMap<>(ProposalAction.class));

    private final Map<ProposalAction, Proposal> open;

    private TwoPersonProposals(EnumMap<ProposalAction, Proposal> open) {
        this.open = open;
    }

    /** A proposal to take {@code action}, awaiting a different admin's approval. */
    public record Proposal(ProposalAction action, Provenance proposedBy, Instant expiresAt)
            implements ControlState.Timed {
        public Proposal {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(proposedBy, "proposedBy");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public Provenance setBy() {
            return proposedBy;
        }
    }

    public static TwoPersonProposals of(List<Proposal> proposals) {
        TwoPersonProposals result = NONE;
        for (Proposal proposal : proposals) {
            result = result.with(proposal);
        }
        return result;
    }

    /** The proposal of {@code action}, or null; it may have lapsed by wall-clock time before its expiry event. */
    public Proposal get(ProposalAction action) {
        return open.get(action);
    }

    /** The proposal of {@code action} still awaiting approval at {@code now}, or null. */
    public Proposal openAt(ProposalAction action, Instant now) {
        Proposal proposal = open.get(action);
        return proposal != null && proposal.appliesAt(now) ? proposal : null;
    }

    /** Every proposal, in the order of {@link ProposalAction}. */
    public List<Proposal> all() {
        return List.copyOf(open.values());
    }

    public boolean isEmpty() {
        return open.isEmpty();
    }

    TwoPersonProposals with(Proposal proposal) {
        EnumMap<ProposalAction, Proposal> copy = copy();
        copy.put(proposal.action(), proposal);
        return new TwoPersonProposals(copy);
    }

    TwoPersonProposals without(ProposalAction action) {
        if (!open.containsKey(action)) {
            return this;
        }
        EnumMap<ProposalAction, Proposal> copy = copy();
        copy.remove(action);
        return copy.isEmpty() ? NONE : new TwoPersonProposals(copy);
    }

    private EnumMap<ProposalAction, Proposal> copy() {
        return open.isEmpty() ? new EnumMap<>(ProposalAction.class) : new EnumMap<>(open);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TwoPersonProposals other && open.equals(other.open);
    }

    @Override
    public int hashCode() {
        return open.hashCode();
    }

    @Override
    public String toString() {
        return "TwoPersonProposals" + open.values();
    }
}
