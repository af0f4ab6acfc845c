package com.tradingcontrol.domain;

/** An event that closes the open proposal of {@link #action()} without taking the action. */
public sealed interface ProposalClosed extends ControlEvent permits ProposalRejected, ProposalCancelled, ProposalExpired {
    ProposalAction action();
}
