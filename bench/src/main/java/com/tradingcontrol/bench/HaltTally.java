package com.tradingcontrol.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The measured halts of one run, per figure ({@code halt_ws}, {@code killswitch_rest}, ...): latencies,
 * and how many changes missed the deadline on that path. A miss is recorded in the distribution at the
 * deadline itself, a lower bound of its real latency, so a p99 with more than 1 % misses reads as the
 * deadline instead of the p99 of the changes that happened to make it.
 */
final class HaltTally {

    static final String[] PATHS = {"ws", "state_topic", "rest"};

    private final long deadlineNanos;
    private final Map<String, Latencies> latencies = new LinkedHashMap<>();
    private final Map<String, Integer> timeouts = new LinkedHashMap<>();

    HaltTally(long deadlineSeconds) {
        this.deadlineNanos = TimeUnit.SECONDS.toNanos(deadlineSeconds);
        for (String kind : new String[] {"halt", "killswitch"}) {
            for (String path : PATHS) {
                latencies.put(kind + "_" + path, new Latencies());
                timeouts.put(kind + "_" + path, 0);
            }
        }
    }

    /** {@code took[i]} = nanoseconds to {@code PATHS[i]}, or negative when that path missed the deadline. */
    void record(HaltOp op, long[] took) {
        String kind = op.killSwitch() ? "killswitch" : "halt";
        for (int i = 0; i < PATHS.length; i++) {
            String name = kind + "_" + PATHS[i];
            if (took[i] < 0) {
                timeouts.merge(name, 1, Integer::sum);
                latencies.get(name).recordNanos(deadlineNanos);
            } else {
                latencies.get(name).recordNanos(took[i]);
            }
        }
    }

    static boolean anyTimeout(long[] took) {
        for (long t : took) {
            if (t < 0) {
                return true;
            }
        }
        return false;
    }

    int totalTimeouts() {
        return timeouts.values().stream().mapToInt(Integer::intValue).sum();
    }

    Map<String, Latencies> latencies() {
        return latencies;
    }

    int timeouts(String name) {
        return timeouts.get(name);
    }
}
