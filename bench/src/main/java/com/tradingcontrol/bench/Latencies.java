package com.tradingcontrol.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * A latency distribution in microseconds (HdrHistogram, 3 significant digits, up to 10 minutes),
 * reported in milliseconds. Thread-safe: recorders on several threads share one instance.
 */
public final class Latencies {

    private final Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);

    /** Records the time from {@code startNanos} (a {@link System#nanoTime()} value) to now. */
    public void recordSince(long startNanos) {
        recordNanos(System.nanoTime() - startNanos);
    }

    public synchronized void recordNanos(long nanos) {
        histogram.recordValue(Math.max(1, Math.min(nanos / 1_000, histogram.getHighestTrackableValue())));
    }

    public synchronized long count() {
        return histogram.getTotalCount();
    }

    public synchronized Figure figure(String name, Map<String, Object> notes) {
        if (histogram.getTotalCount() == 0) {
            throw new IllegalStateException("no samples recorded for " + name);
        }
        return new Figure(name, ms(histogram.getValueAtPercentile(50)), ms(histogram.getValueAtPercentile(99)),
                ms(histogram.getMaxValue()), "ms", null, histogram.getTotalCount(), notes);
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
