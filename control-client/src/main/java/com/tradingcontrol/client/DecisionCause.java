package com.tradingcontrol.client;

import com.tradingcontrol.domain.ControlMode;

import java.time.Instant;

/**
 * One reason a decision is not simply ACTIVE: a control set on a scope, the state of the profile
 * asked about, or the client's own staleness.
 *
 * @param scope         the scope's string form ({@code global}, {@code tenant:<id>},
 *                      {@code strategy:<tenantId>:<profileId>}, {@code symbol:<SYMBOL>}); null for STALE
 * @param kind          what restricts trading
 * @param mode          the mode this cause imposes on its own
 * @param setBy         subject that set it (nullable: unknown profile, stale)
 * @param setAt         when it was set (nullable)
 * @param reason        why (nullable); for STALE, what the client could not confirm
 * @param expiresAt     when a timed pause or reduce-only lapses (nullable: until lifted)
 * @param commandId     the platform command that set it (nullable)
 * @param message       the maintenance message (MAINTENANCE only, nullable)
 * @param scopeVersion  the version of the aggregate the cause comes from (the control scope's or the
 *                      profile's event sequence); -1 when there is none (PROFILE_UNKNOWN, STALE, pending)
 * @param pending       true for a <em>pending fast halt</em>: a restriction the platform announced on
 *                      {@code trading.halt-signals} before deciding it. {@code commandId} is the command,
 *                      {@code setBy} its actor, {@code setAt} when the API accepted it ({@code issuedAt}),
 *                      {@code reason} its reason. The client holds it until the authoritative state shows
 *                      the command decided (then a cause with {@code pending == false} and the same
 *                      {@code commandId} replaces it), or retracts it (the platform rejected the command, or
 *                      did not decide it in time; listeners hear
 *                      {@link ControlClientListener#onHaltRetracted}). Only ever KILL_SWITCH, MAINTENANCE,
 *                      PAUSE or REDUCE_ONLY: nothing that loosens travels this way.
 */
public record DecisionCause(String scope, Kind kind, ControlMode mode, String setBy, Instant setAt, String reason,
                            Instant expiresAt, String commandId, String message, long scopeVersion, boolean pending) {

    /** A cause from the authoritative state (or the client's staleness): not {@link #pending()}. */
    public DecisionCause(String scope, Kind kind, ControlMode mode, String setBy, Instant setAt, String reason,
                         Instant expiresAt, String commandId, String message, long scopeVersion) {
        this(scope, kind, mode, setBy, setAt, reason, expiresAt, commandId, message, scopeVersion, false);
    }

    /**
     * What restricts trading. The first six are the platform's cause kinds (see
     * {@code docs/topics.md}); {@code STALE} is the client's own: it cannot confirm it is current.
     */
    public enum Kind {
        /** The global kill switch is engaged: HALTED. */
        KILL_SWITCH,
        /** Maintenance mode is on: PAUSED, with the maintenance message. */
        MAINTENANCE,
        /** Trading is paused on the scope (until resumed or until {@code expiresAt}): PAUSED. */
        PAUSE,
        /** The profile is disabled: REDUCE_ONLY (it may close positions, open none). */
        PROFILE_DISABLED,
        /** The platform has no such profile in the tenant: REDUCE_ONLY. */
        PROFILE_UNKNOWN,
        /** The scope is reduce-only (until lifted or until {@code expiresAt}): REDUCE_ONLY. */
        REDUCE_ONLY,
        /** The client cannot confirm it is current (lease run out, reader gone, undecodable record): HALTED. */
        STALE
    }
}
