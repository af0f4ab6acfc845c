package com.tradingcontrol.api.commands;

import com.tradingcontrol.api.ports.ReadBarrier;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a waited answer may claim read-your-writes: polls the read models that cover the
 * aggregate until they all show the resulting version or the request's deadline passes. Polling runs
 * on a shared scheduler (backing off from 5 to 100 ms), so no thread is held per waiting request.
 */
public final class ReadYourWrites {
    private static final Logger LOG = LoggerFactory.getLogger(ReadYourWrites.class);
    private static final long FIRST_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long MAX_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final List<ReadBarrier> barriers;
    private final ScheduledExecutorService scheduler;

    public ReadYourWrites(List<ReadBarrier> barriers, ScheduledExecutorService scheduler) {
        this.barriers = List.copyOf(barriers);
        this.scheduler = scheduler;
    }

    /** True once every covering read model shows {@code version}; false at {@code deadlineNanos} ({@link System#nanoTime}). */
    public CompletableFuture<Boolean> reached(String aggregateId, long version, long deadlineNanos) {
        List<ReadBarrier> covering = barriers.stream().filter(barrier -> barrier.covers(aggregateId)).toList();
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        poll(new Target(aggregateId, version, deadlineNanos), covering, FIRST_POLL_NANOS, result);
        return result;
    }

    private record Target(String aggregateId, long version, long deadlineNanos) {}

    private void poll(Target target, List<ReadBarrier> pending, long interval, CompletableFuture<Boolean> result) {
        try {
            List<ReadBarrier> behind = pending.stream()
                    .filter(barrier -> barrier.currentVersion(target.aggregateId()) < target.version()).toList();
            if (behind.isEmpty()) {
                result.complete(true);
                return;
            }
            long remaining = target.deadlineNanos() - System.nanoTime();
            if (remaining <= 0) {
                LOG.warn("Read models {} did not show {}@{} by the Prefer deadline; answering without read-your-writes",
                        names(behind), target.aggregateId(), target.version());
                result.complete(false);
                return;
            }
            scheduler.schedule(() -> poll(target, behind, Math.min(interval * 2, MAX_POLL_NANOS), result),
                    Math.min(interval, remaining), TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            // A read model that cannot be read (store down, scheduler stopping) does not show the write:
            // the outcome still stands, it is just not claimed as readable.
            LOG.warn("Cannot check read models for {}@{}; answering without read-your-writes",
                    target.aggregateId(), target.version(), e);
            result.complete(false);
        }
    }

    private static List<String> names(List<ReadBarrier> barriers) {
        return barriers.stream().map(barrier -> barrier.getClass().getSimpleName()).toList();
    }
}
