package com.tradingcontrol.api.commands;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import com.tradingcontrol.api.ports.ReadBarrier;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Everything {@code Prefer: wait} needs: the upper bound, the per-principal cap, the read models a
 * waited answer checks, the shared scheduler the waits continue on (no thread per waiting request),
 * and the counters operators watch.
 *
 * @param lagging waited answers that returned the outcome without read-your-writes
 * @param refused waited requests refused with 429 because the caller already had the maximum open
 */
public record CommandWaits(Duration maxWait, WaitLimiter limiter, ReadYourWrites readYourWrites,
                           ScheduledExecutorService scheduler, Counter lagging, Counter refused) {
    public static final String LAGGING_METRIC = "commands.waits.readModelsLagging";
    public static final String REFUSED_METRIC = "commands.waits.refused";

    public static CommandWaits of(Duration maxWait, int maxPerPrincipal, List<ReadBarrier> barriers,
                                  ScheduledExecutorService scheduler, MetricRegistry metrics) {
        return new CommandWaits(maxWait, new WaitLimiter(maxPerPrincipal), new ReadYourWrites(barriers, scheduler),
                scheduler, metrics.counter(LAGGING_METRIC), metrics.counter(REFUSED_METRIC));
    }
}
