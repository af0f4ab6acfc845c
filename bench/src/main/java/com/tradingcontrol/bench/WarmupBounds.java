package com.tradingcontrol.bench;

/**
 * How long a scenario warms up: at least {@code min} seconds, then until the JIT compilers settled
 * ({@link JitWarmth}), at most {@code max} seconds.
 */
record WarmupBounds(int min, int max) {
    WarmupBounds {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("warm-up bounds: need 0 <= min <= max, got " + min + ".." + max);
        }
    }
}
