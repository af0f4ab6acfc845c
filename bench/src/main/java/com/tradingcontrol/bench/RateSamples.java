package com.tradingcontrol.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Per-second throughput samples. A throughput figure's p50/p99/max are order statistics of these
 * samples taken as "how bad may a second be": p50 is the median second, p99 the second that 99% of
 * seconds beat (i.e. the 1st percentile of the rate, a low value), max the best second. Kept as a
 * sorted array: a run yields at most a few hundred samples, so HdrHistogram buys nothing here.
 */
public final class RateSamples {

    private final List<Double> perSecond = new ArrayList<>();

    public synchronized void add(double valuePerSecond) {
        perSecond.add(valuePerSecond);
    }

    public synchronized int size() {
        return perSecond.size();
    }

    public synchronized Figure figure(String name, String unit, Map<String, Object> notes) {
        if (perSecond.isEmpty()) {
            throw new IllegalStateException("no samples recorded for " + name);
        }
        double[] sorted = perSecond.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Figure(name, percentile(sorted, 50), percentile(sorted, 1), sorted[sorted.length - 1], unit, null,
                sorted.length, notes);
    }

    /** A single measured value (e.g. a rebuild's overall rate) as a figure whose statistics coincide. */
    public static Figure single(String name, double value, String unit, Map<String, Object> notes) {
        return new Figure(name, value, value, value, unit, null, 1, notes);
    }

    static double percentile(double[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    @Override
    public synchronized String toString() {
        return Arrays.toString(perSecond.toArray());
    }
}
