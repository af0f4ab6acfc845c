package com.tradingcontrol.processors.domain;

/** Events of the trading-control aggregate. */
public sealed interface ControlEvent extends DomainEvent
        permits TradingPaused, TradingResumed, PauseExpired, KillSwitchEngaged, KillSwitchReleased,
        MaintenanceModeChanged {

    /** The scope whose aggregate this event belongs to. */
    Scope targetScope();

    /**
     * True for the events that stop trading somewhere (pause, kill switch, maintenance on): the ones
     * whose delay is an incident, so the processors publish them without waiting for the next commit.
     */
    default boolean haltsTrading() {
        return false;
    }
}
