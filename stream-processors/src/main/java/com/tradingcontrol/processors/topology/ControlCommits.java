package com.tradingcontrol.processors.topology;

import java.time.Duration;

/**
 * When a trading-control command (pause, resume, kill switch, maintenance; accepted or rejected)
 * asks Kafka Streams to commit at once ({@code ProcessorContext.commit()}) instead of waiting for the next
 * {@code commit.interval.ms}.
 *
 * <p>With exactly-once a decision is invisible to every reader until its transaction commits. A
 * short commit interval makes halts visible sooner but costs a commit (several broker round trips)
 * every interval, and its cost per command grows as processing slows: on a CPU-starved node each
 * interval held fewer commands, commits took longer, and throughput collapsed while the backlog,
 * and so the halt latency, grew without bound. So the interval is long and trading-control
 * commands, the decisions trading engines and operators wait for, commit on their own, at most once per gap:
 * <ul>
 *   <li>the gap is at least {@code spacing}: Streams honours a request after the current loop
 *       iteration, and a burst of control commands would otherwise commit after every record;</li>
 *   <li>the gap is at least as long as the command waited in {@code trading.commands}: a command that
 *       queued that long has a backlog ahead of it, and committing more often than the backlog's age
 *       would only make it drain more slowly. So commits space out as a backlog builds (each one
 *       carrying more commands) and return to immediate once it has drained; past the commit
 *       interval, the interval commits.</li>
 * </ul>
 * The queueing time is measured against the command record's timestamp (the API's clock when it
 * produced it); a skewed clock only changes how soon commits space out.
 */
final class ControlCommits {

    private final long spacingMs;
    private boolean requestedBefore;
    private long lastRequestMs;

    ControlCommits(Duration spacing) {
        this.spacingMs = spacing.toMillis();
    }

    /**
     * True if a control command decided at {@code nowMs} (wall clock) from a command record stamped
     * {@code recordTimestampMs} should request a commit; records the request.
     */
    boolean requestNow(long nowMs, long recordTimestampMs) {
        long gap = Math.max(spacingMs, nowMs - recordTimestampMs);
        if (requestedBefore && nowMs - lastRequestMs < gap) {
            return false;
        }
        requestedBefore = true;
        lastRequestMs = nowMs;
        return true;
    }
}
