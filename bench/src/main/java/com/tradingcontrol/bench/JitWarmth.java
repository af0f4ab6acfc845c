package com.tradingcontrol.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * How busy the JIT compilers are, so that a warm-up lasts until they are (nearly) done rather than a fixed
 * time. Why: the whole platform (broker, processors, projector, API, clients) runs in this one JVM on two
 * cores, and after a 10 s warm-up the compilers still took about 20 s of CPU in a 30 s throughput run;
 * the figure then measured how much code was still being compiled (more code, fewer commands/s) instead of
 * the platform's steady state. With the compilers settled the same build sustained twice the commands/s.
 *
 * <p>Settled = the compilers' time over the last {@link #WINDOW_SECONDS} wall seconds is at most
 * {@link #SETTLED_MS_PER_SECOND} ms per second. The JVM reports compilation time summed over its compiler
 * threads, in ms ({@link CompilationMXBean#getTotalCompilationTime()}).
 */
final class JitWarmth {

    static final int WINDOW_SECONDS = 3;
    static final double SETTLED_MS_PER_SECOND = 50;

    /** One second of the scenario's own traffic; false when the warm-up cannot go on (it ends, unsettled). */
    @FunctionalInterface
    interface Step {
        boolean oneSecond() throws Exception;
    }

    /** What a warm-up took, for the figure's notes. */
    record Warmup(int seconds, boolean settled, double jitMsPerSecondAtEnd) {
        Map<String, Object> notes() {
            Map<String, Object> notes = new LinkedHashMap<>();
            notes.put("warmupSeconds", seconds);
            notes.put("warmup_jit_settled", settled);
            notes.put("warmup_jit_ms_per_s_at_end", Math.round(jitMsPerSecondAtEnd));
            return notes;
        }
    }

    private final LongSupplier compileMillis;

    JitWarmth() {
        this(JitWarmth::jvmCompileMillis);
    }

    /** @param compileMillis the compilers' time so far, ms */
    JitWarmth(LongSupplier compileMillis) {
        this.compileMillis = compileMillis;
    }

    /**
     * Runs {@code step} at least {@code minSeconds} times, then on until the compilers settled or
     * {@code maxSeconds} steps were run, or a step said it cannot go on.
     */
    Warmup warmUp(int minSeconds, int maxSeconds, Step step) throws Exception {
        Deque<Long> compileMillis = new ArrayDeque<>();
        compileMillis.addLast(compileMillis());
        int seconds = 0;
        while (seconds < maxSeconds) {
            if (!step.oneSecond()) {
                break;
            }
            seconds++;
            compileMillis.addLast(compileMillis());
            if (compileMillis.size() > WINDOW_SECONDS + 1) {
                compileMillis.removeFirst();
            }
            if (seconds >= minSeconds && compileMillis.size() == WINDOW_SECONDS + 1
                    && rate(compileMillis) <= SETTLED_MS_PER_SECOND) {
                return new Warmup(seconds, true, rate(compileMillis));
            }
        }
        return new Warmup(seconds, false, rate(compileMillis));
    }

    /** The compilers' time so far, ms; for a measured window's notes. */
    long compileMillis() {
        return compileMillis.getAsLong();
    }

    /** 0 where the JVM does not tell (then every warm-up settles after its minimum). */
    private static long jvmCompileMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    private static double rate(Deque<Long> compileMillis) {
        return compileMillis.size() < 2 ? Double.NaN
                : (compileMillis.getLast() - compileMillis.getFirst()) / (double) (compileMillis.size() - 1);
    }
}
