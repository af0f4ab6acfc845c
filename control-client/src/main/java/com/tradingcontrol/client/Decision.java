package com.tradingcontrol.client;

import com.tradingcontrol.domain.ControlMode;

import java.time.Instant;
import java.util.List;

/**
 * The answer to "may I trade (tenant, profile, symbol)?" at one instant, with its explanation.
 *
 * <p>{@code mayOpen} is true only in {@link ControlMode#ACTIVE}; {@code mayReduce} (close or shrink
 * positions) in {@code ACTIVE} and {@link ControlMode#REDUCE_ONLY}. A {@code PAUSED} or {@code HALTED}
 * scope allows neither: the engine places no orders at all.
 *
 * @param mode        the effective mode: the most restrictive cause, {@code HALTED} while stale
 * @param mayOpen     whether new positions may be opened
 * @param mayReduce   whether existing positions may be reduced or closed
 * @param causes      every cause that applies, most restrictive first (a {@link DecisionCause.Kind#STALE}
 *                    cause first while stale, then the last known causes, pending fast halts
 *                    ({@link DecisionCause#pending()}) among them); empty when ACTIVE and fresh
 * @param viewVersion the version of the client's in-memory view this decision was computed from: it
 *                    increases by one each time the client applies a batch of changes read from the
 *                    state topics (0 before the first catch-up). Two decisions with the same viewVersion
 *                    saw the same records; each cause also carries its own aggregate version. Fast
 *                    halt signals do not count here (they are not state): a pending cause may come
 *                    and go under one viewVersion.
 * @param stale       true when the client could not confirm it was caught up within its lease
 * @param decidedAt   the client clock's instant the decision was made at (timed controls that
 *                    expire at or before it are ignored)
 */
public record Decision(ControlMode mode, boolean mayOpen, boolean mayReduce, List<DecisionCause> causes,
                       long viewVersion, boolean stale, Instant decidedAt) {

    /** Copies {@code causes}. */
    public Decision {
        causes = List.copyOf(causes);
    }

    /** Whether {@code mode} lets an engine open positions (ACTIVE only). */
    public static boolean mayOpen(ControlMode mode) {
        return mode == ControlMode.ACTIVE;
    }

    /** Whether {@code mode} lets an engine reduce or close positions (ACTIVE and REDUCE_ONLY). */
    public static boolean mayReduce(ControlMode mode) {
        return mode == ControlMode.ACTIVE || mode == ControlMode.REDUCE_ONLY;
    }
}
