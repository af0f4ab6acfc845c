package com.tradingcontrol.projections.projector;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.projections.drift.DriftReport;
import com.tradingcontrol.projections.rebuild.ProjectionPointer;
import com.tradingcontrol.projections.testing.ProjectorFixture;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acceptance: the projector killed mid-stream and restarted, then a full replay (a second group from
 * offset 0, racing the first over the populated store): zero drift, no duplicated audit document,
 * and no document's position ever written backwards.
 */
@Timeout(300) // seconds, per test method; ~17 s observed; its own deadlines add up to 240 s
class ProjectorReplayIT {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectorReplayIT.class);

    @TempDir
    static Path dir;
    static ProjectorFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = new ProjectorFixture(dir);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void crashRestartAndFullReplayLeaveNoDriftNoDuplicatesNoRegressions() {
        ProjectionPointer pointer = f.meta.initialize("replay-" + f.id);
        ContainerNames v1 = f.names(pointer.active());
        f.producer.write(f.stream, 600, 10);

        // Crash: the 250th store write succeeds, then the process "dies" before committing offsets.
        f.store.crashAfterWrites(250);
        ProjectorLoop first = f.loops.create(v1, pointer.activeGroup());
        Thread crashed = f.start(first, "projector-crashing");
        ProjectorFixture.await(() -> !crashed.isAlive(), Duration.ofSeconds(60), () -> "the simulated crash");
        assertThat(f.health.status().state()).isEqualTo(ProjectorHealth.State.FAILED);
        assertThat(f.count(1, ProjectionContainer.AUDIT_EVENTS)).isBetween(1L, 599L);

        f.producer.write(f.stream, 200, 5);
        long started = System.nanoTime();
        ProjectorLoop restarted = f.loops.create(v1, pointer.activeGroup());
        f.start(restarted, "projector-restarted");
        f.awaitCaughtUp(restarted, Duration.ofSeconds(60));
        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.info("restarted projector: {} applied, {} skipped in {}s ({} records/s)", restarted.appliedCount(),
                restarted.skippedCount(), seconds, (long) ((restarted.appliedCount() + restarted.skippedCount()) / seconds));
        assertThat(restarted.skippedCount()).as("redelivered records already written before the crash").isPositive();
        assertThat(f.health.isUp()).isTrue();

        // Full replay from offset 0 in a new group over the populated store, racing the live projector
        // while more commands arrive.
        ProjectorLoop replay = f.loops.create(v1, "replay-full-" + f.id);
        f.start(replay, "projector-replay");
        f.producer.write(f.stream, 100, 1);
        f.awaitCaughtUp(replay, Duration.ofSeconds(60));
        f.awaitCaughtUp(restarted, Duration.ofSeconds(60));
        replay.close();
        restarted.close();

        assertThat(replay.skippedCount()).as("the replay found every earlier record already applied").isGreaterThanOrEqualTo(1600);
        DriftReport drift = f.drift(1);
        assertThat(drift.recordsFolded()).isEqualTo(1800);
        assertThat(drift.differences()).isEmpty();
        assertThat(drift.documentsCompared()).isGreaterThan(900);
        assertThat(f.count(1, ProjectionContainer.AUDIT_EVENTS)).isEqualTo(900);
        f.assertNoPositionWentBackwards();
        // Every record maps to one (document, position) pair, so across crash, restart and racing
        // replay each must have been written exactly once.
        assertThat(f.recording.writes()).isEqualTo(1800);
    }
}
