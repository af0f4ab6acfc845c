package com.tradingcontrol.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Given the compilers' time per warm-up step; when warming up; then how many steps ran and why it stopped. */
class JitWarmthTest {

    /** Compile ms per step: {@code perStep[i]} during step i, the last value repeated after the array. */
    private static JitWarmth.Warmup warmUp(int min, int max, AtomicInteger steps, long... perStep) throws Exception {
        long[] total = {0};
        return new JitWarmth(() -> total[0]).warmUp(min, max, () -> {
            int i = steps.getAndIncrement();
            total[0] += perStep[Math.min(i, perStep.length - 1)];
            return true;
        });
    }

    @Test
    void goesOnWhileTheCompilersAreBusyAndStopsOnceThreeStepsAveragedAtMostTheThreshold() throws Exception {
        AtomicInteger steps = new AtomicInteger();
        JitWarmth.Warmup warmup = warmUp(2, 100, steps, 900, 800, 400, 100, 40, 30, 20, 10);

        // the window of 3 steps ending at step 7 averages (40 + 30 + 20) / 3 = 30 ms/s; the one before, 56.7
        assertThat(warmup.seconds()).isEqualTo(7);
        assertThat(steps).hasValue(7);
        assertThat(warmup.settled()).isTrue();
        assertThat(warmup.jitMsPerSecondAtEnd()).isEqualTo(30.0);
    }

    @Test
    void runsAtLeastTheMinimumEvenWhenSettledFromTheStart() throws Exception {
        AtomicInteger steps = new AtomicInteger();
        JitWarmth.Warmup warmup = warmUp(10, 100, steps, 0);

        assertThat(warmup.seconds()).isEqualTo(10);
        assertThat(warmup.settled()).isTrue();
        assertThat(warmup.notes()).containsEntry("warmupSeconds", 10).containsEntry("warmup_jit_settled", true)
                .containsEntry("warmup_jit_ms_per_s_at_end", 0L);
    }

    @Test
    void stopsAtTheMaximumAndSaysItDidNotSettle() throws Exception {
        AtomicInteger steps = new AtomicInteger();
        JitWarmth.Warmup warmup = warmUp(1, 5, steps, 500);

        assertThat(warmup.seconds()).isEqualTo(5);
        assertThat(steps).hasValue(5);
        assertThat(warmup.settled()).isFalse();
        assertThat(warmup.jitMsPerSecondAtEnd()).isEqualTo(500.0);
    }

    @Test
    void aZeroMaximumRunsNothing() throws Exception {
        AtomicInteger steps = new AtomicInteger();
        JitWarmth.Warmup warmup = warmUp(0, 0, steps, 500);

        assertThat(steps).hasValue(0);
        assertThat(warmup.seconds()).isZero();
        assertThat(warmup.settled()).isFalse();
    }

    @Test
    void aStepThatCannotGoOnEndsTheWarmUpUnsettled() throws Exception {
        AtomicInteger steps = new AtomicInteger();
        JitWarmth.Warmup warmup = new JitWarmth(() -> 0).warmUp(5, 100, () -> steps.incrementAndGet() < 3);

        assertThat(steps).hasValue(3);
        assertThat(warmup.seconds()).isEqualTo(2);
        assertThat(warmup.settled()).isFalse();
    }
}
