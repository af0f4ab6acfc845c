package com.tradingcontrol.api.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.api.ports.ReadBarrier;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadYourWritesTest {
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
    private final Map<String, Long> versions = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private static ReadBarrier barrier(String prefix, ToLongFunction<String> version) {
        return new ReadBarrier() {
            @Override
            public boolean covers(String aggregateId) {
                return aggregateId.startsWith(prefix);
            }

            @Override
            public long currentVersion(String aggregateId) {
                return version.applyAsLong(aggregateId);
            }
        };
    }

    private static long in(long millis) {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Test
    void reachedOnceEveryCoveringReadModelShowsTheVersion() throws Exception {
        ReadYourWrites ryw = new ReadYourWrites(List.of(barrier("tenant:", id -> versions.getOrDefault(id, 0L)),
                barrier("config:", id -> 0)), scheduler);
        versions.put("tenant:a", 1L);

        var reached = ryw.reached("tenant:a", 2, in(5000));
        scheduler.schedule(() -> versions.put("tenant:a", 2L), 50, TimeUnit.MILLISECONDS);

        assertThat(reached.get(5, TimeUnit.SECONDS)).as("the config barrier does not cover tenant:a").isTrue();
    }

    @Test
    void notReachedAtTheDeadlineAndNotLater() throws Exception {
        ReadYourWrites ryw = new ReadYourWrites(List.of(barrier("", id -> 0)), scheduler);
        long started = System.nanoTime();

        boolean reached = ryw.reached("tenant:a", 1, in(300)).get(5, TimeUnit.SECONDS);

        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(reached).isFalse();
        assertThat(tookMillis).as("scheduler slack only").isBetween(300L, 1000L);
    }

    @Test
    void versionZeroAndAPassedDeadlineAnswerAtOnce() throws Exception {
        ReadYourWrites ryw = new ReadYourWrites(List.of(barrier("", id -> 0)), scheduler);

        assertThat(ryw.reached("tenant:a", 0, in(0)).get(1, TimeUnit.SECONDS)).isTrue();
        assertThat(ryw.reached("tenant:a", 1, in(-10)).get(1, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void aReadModelThatCannotBeReadIsLaggingNotAFailure() throws Exception {
        ReadYourWrites ryw = new ReadYourWrites(List.of(barrier("", id -> {
            throw new IllegalStateException("store unavailable");
        })), scheduler);

        assertThat(ryw.reached("tenant:a", 1, in(1000)).get(1, TimeUnit.SECONDS)).isFalse();
    }
}
