package com.tradingcontrol.domain.engines;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What the fold keeps of one engine: its latest identity and report, and the periods it was reporting
 * (reports no further apart than the heartbeat timeout), so "was it alive when the command was decided"
 * can be answered after the fact, in whatever order the inputs arrive.
 */
final class EngineHistory {
    /** Periods kept per engine; an engine restarting more often than this loses its oldest history first. */
    private static final int MAX_PERIODS = 100;

    private final String engineId;
    private final Deque<Instant[]> periods = new ArrayDeque<>();
    private EngineReport latest;
    private EngineReport.Applied lastApplied;

    EngineHistory(String engineId) {
        this.engineId = engineId;
    }

    void report(EngineReport report, Duration timeout) {
        if (latest == null || !report.sentAt().isBefore(latest.sentAt())) {
            latest = report;
        }
        if (!report.applied().isEmpty()) {
            lastApplied = report.applied().get(report.applied().size() - 1);
        }
        extendPeriods(report.sentAt(), timeout);
    }

    private void extendPeriods(Instant at, Duration timeout) {
        Instant[] last = periods.peekLast();
        if (last == null || at.isAfter(last[1].plus(timeout))) {
            periods.addLast(new Instant[] {at, at});
            if (periods.size() > MAX_PERIODS) {
                periods.removeFirst();
            }
        } else if (at.isAfter(last[1])) {
            last[1] = at;
        } else if (at.isBefore(last[0])) {
            // Late (reordered) report just before the latest period: it belongs to it.
            last[0] = at;
        }
    }

    /** Reporting at {@code at}: within a period, or at most the timeout after its end. */
    boolean aliveAt(Instant at, Duration timeout) {
        return periods.stream().anyMatch(p -> !at.isBefore(p[0]) && !at.isAfter(p[1].plus(timeout)));
    }

    /** Had reported before {@code at} and not been silent longer than {@code forgetAfter} by then. */
    boolean knownAt(Instant at, Duration forgetAfter) {
        return periods.stream().anyMatch(p -> !at.isBefore(p[0]) && !at.isAfter(p[1].plus(forgetAfter)));
    }

    String engineId() {
        return engineId;
    }

    EngineReport latest() {
        return latest;
    }

    EngineReport.Applied lastApplied() {
        return lastApplied;
    }

    Instant firstSeen() {
        return periods.isEmpty() ? latest.sentAt() : periods.peekFirst()[0];
    }
}
