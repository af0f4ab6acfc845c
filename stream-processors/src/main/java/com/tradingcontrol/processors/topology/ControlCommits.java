package com.tradingcontrol.processors.topology;

import java.time.Duration;

/**
 * When a trading-control change (pause, resume, kill switch, maintenance) asks Kafka Streams to
 * commit at once ({@code ProcessorContext.commit()}) instead of waiting for the next
 * {@code commit.interval.ms}.
 *
 * <p>With exactly-once a decision is invisible to every reader until its transaction commits. A
 * short commit interval makes halts visible sooner but costs a commit (several broker round trips)
 * every interval, and its cost per command grows as processing slows: on a CPU-starved node each
 * interval held fewer commands, commits took longer, and throughput collapsed while the backlog,
 * and so the halt latency, grew without bound. So the interval is long and control changes, the
 * decisions trading engines and operators wait for, commit on their own, under two limits:
 * <ul>
 *   <li>at most one requested commit per {@code spacing}: Streams honours a request after the
 *       current loop iteration, and a burst of control changes would otherwise commit after every
 *       record;</li>
 *   <li>none while the processors are behind, i.e. the command waited in {@code trading.commands}
 *       longer than {@code behindAfter}: its latency is then the backlog ahead of it, and committing
 *       more often would only make that backlog drain more slowly. The interval commits instead,
 *       with transactions large enough to catch up.</li>
 * </ul>
 * The queueing time is measured against the command record's timestamp (the API's clock when it
 * produced it); a skewed clock only moves the point at which control changes fall back to the interval.
 */
final class ControlCommits {

    private final long spacingMs;
    private final long behindAfterMs;
    private boolean requestedBefore;
    private long lastRequestMs;

    ControlCommits(Duration spacing, Duration behindAfter) {
        this.spacingMs = spacing.toMillis();
        this.behindAfterMs = behindAfter.toMillis();
    }

    /**
     * True if a control change decided at {@code nowMs} (wall clock) from a command record stamped
     * {@code recordTimestampMs} should request a commit; records the request.
     */
    boolean requestNow(long nowMs, long recordTimestampMs) {
        if (nowMs - recordTimestampMs > behindAfterMs) {
            return false;
        }
        if (requestedBefore && nowMs - lastRequestMs < spacingMs) {
            return false;
        }
        requestedBefore = true;
        lastRequestMs = nowMs;
        return true;
    }
}
