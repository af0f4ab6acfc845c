package com.tradingcontrol.domain;

/** Events of the trading-control aggregate. */
public sealed interface ControlEvent extends DomainEvent
        permits TradingPaused, TradingResumed, PauseExpired, KillSwitchEngaged, KillSwitchReleased,
        MaintenanceModeChanged, ReduceOnlySet, ReduceOnlyLifted, ReduceOnlyExpired,
        ProposalOpened, ProposalClosed {

    /** The scope whose aggregate this event belongs to. */
    Scope targetScope();
}
