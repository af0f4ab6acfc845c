package com.tradingcontrol.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingcontrol.projections.drift.DriftReport;
import com.tradingcontrol.projections.rebuild.Rebuild;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RebuildJobsTest {
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final ScriptedAdmin admin = new ScriptedAdmin();
    private final RebuildJobs jobs = new RebuildJobs(admin, executor, Clock.systemUTC());

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aRebuildThatCannotBeSubmittedFreesTheSlotAndSaysWhy() {
        admin.versions.add(() -> {
            throw new IllegalStateException("store unavailable");
        });
        admin.versions.add(() -> 1);

        assertThatThrownBy(() -> jobs.start("admin")).isInstanceOf(RebuildJobs.NotStarted.class)
                .hasMessageContaining("store unavailable");
        RebuildJobs.Status next = jobs.start("admin");

        assertThat(next.state()).isEqualTo(RebuildJobs.State.RUNNING);
        assertThat(next.toVersion()).isEqualTo(2);
    }

    @Test
    void theFailedSubmissionKeepsItsStatusWithTheReason() {
        admin.versions.add(() -> {
            throw new IllegalStateException("store unavailable");
        });
        RebuildJobs.NotStarted failure = null;
        try {
            jobs.start("admin");
        } catch (RebuildJobs.NotStarted e) {
            failure = e;
        }

        assertThat(failure).isNotNull();
        String id = failure.getMessage().split(" ")[1];
        assertThat(jobs.status(id)).hasValueSatisfying(s -> {
            assertThat(s.state()).isEqualTo(RebuildJobs.State.FAILED);
            assertThat(s.error()).isEqualTo("IllegalStateException: store unavailable");
        });
    }

    @Test
    void aRebuildThatFailsWhileRunningIsReportedAndTheNextOneMayStart() throws Exception {
        admin.versions.add(() -> 1);
        admin.versions.add(() -> 1);
        admin.rebuilds.add(() -> {
            throw new IllegalStateException("catch-up timed out");
        });
        admin.rebuilds.add(() -> new Rebuild.Result(1, 2, "g-v2", Map.of(), 7, Duration.ofSeconds(1), false));

        RebuildJobs.Status first = jobs.start("admin");
        assertThat(awaitFinished(first.rebuildId()).error()).isEqualTo("IllegalStateException: catch-up timed out");
        RebuildJobs.Status second = jobs.start("admin");
        RebuildJobs.Status done = awaitFinished(second.rebuildId());

        assertThat(done.state()).isEqualTo(RebuildJobs.State.SUCCEEDED);
        assertThat(done.documentsWritten()).isEqualTo(7);
    }

    @Test
    void aSecondRebuildWhileOneRunsIsRefused() {
        admin.versions.add(() -> 1);
        admin.rebuilds.add(() -> {
            try {
                Thread.sleep(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("interrupted");
        });
        jobs.start("admin");

        assertThatThrownBy(() -> jobs.start("admin")).isInstanceOf(RebuildJobs.Busy.class);
    }

    private RebuildJobs.Status awaitFinished(String id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            RebuildJobs.Status status = jobs.status(id).orElseThrow();
            if (status.state() != RebuildJobs.State.RUNNING) {
                return status;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("rebuild " + id + " still running");
    }

    /** Answers each call with the next scripted behaviour. */
    private static final class ScriptedAdmin implements ProjectionAdmin {
        final Deque<Supplier<Integer>> versions = new ArrayDeque<>();
        final Deque<Supplier<Rebuild.Result>> rebuilds = new ArrayDeque<>();

        @Override
        public Rebuild.Result rebuild() {
            return rebuilds.poll().get();
        }

        @Override
        public DriftReport drift() {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public int activeVersion() {
            return versions.poll().get();
        }
    }
}
