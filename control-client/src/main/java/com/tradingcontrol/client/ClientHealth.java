package com.tradingcontrol.client;

import java.time.Duration;

/**
 * How the client's reader is doing, for an engine's own health checks and metrics.
 *
 * @param ready              the client has caught up with the state topics at least once
 * @param stale              decisions are currently HALTED/STALE
 * @param sinceConfirmed     time since the client last confirmed it was caught up (null: never)
 * @param pollErrors         failures of the reader loop so far (each logged), e.g. broker unreachable
 * @param undecodableRecords records that could not be decoded so far (each logged)
 * @param readerAlive        false once the reader thread has ended (closed, or died: then stale for good)
 * @param viewVersion        the view version in force
 * @param pendingHalts       fast halts applied and not yet confirmed or retracted
 * @param haltsRetracted     fast halts retracted so far (rejected, or not decided in time)
 * @param undecodableSignals halt signals or command outcomes that could not be decoded (each logged; they
 *                           are skipped: the state topics still decide)
 * @param reportsSent        engine reports the broker acknowledged (0 when reports are off)
 * @param reportFailures     engine reports lost: failed sends plus reports dropped because the report queue
 *                           was full (logged, rate-limited; never thrown into the engine)
 */
public record ClientHealth(boolean ready, boolean stale, Duration sinceConfirmed, long pollErrors,
                           long undecodableRecords, boolean readerAlive, long viewVersion, int pendingHalts,
                           long haltsRetracted, long undecodableSignals, long reportsSent, long reportFailures) {
}
