package com.tradingcontrol.domain;

/** Commands for the trading-control aggregate (one per scope; kill switch and maintenance on {@code global}). */
public sealed interface ControlCommand extends Command
        permits PauseTrading, ResumeTrading, EngageKillSwitch, ReleaseKillSwitch, SetMaintenanceMode,
        SetReduceOnly, LiftReduceOnly, ApproveProposal, RejectProposal {

    /** The scope whose aggregate handles this command. */
    Scope targetScope();
}
