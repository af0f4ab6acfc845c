package com.tradingcontrol.projections.projector;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.projections.drift.DriftReport;
import com.tradingcontrol.projections.rebuild.ProjectionPointer;
import com.tradingcontrol.projections.testing.ProjectorFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance: a store outage pauses the projector, health reports it while it lasts, nothing is lost. */
@Timeout(240) // seconds, per test method; ~5 s observed; its own deadlines add up to ~180 s
class StoreOutageIT {

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
    void outageIsReportedAndRecoveredFromWithoutLoss() throws Exception {
        ProjectionPointer pointer = f.meta.initialize("outage-" + f.id);
        ProjectorLoop loop = f.loops.create(f.names(1), pointer.activeGroup());
        f.start(loop, "projector");
        f.producer.write(f.stream, 150, 10);
        f.awaitCaughtUp(loop, Duration.ofSeconds(60));
        assertThat(f.health.isUp()).isTrue();

        f.store.failing.set(true);
        f.producer.write(f.stream, 150, 10);
        ProjectorFixture.await(() -> f.health.status().state() == ProjectorHealth.State.DEGRADED, Duration.ofSeconds(30),
                () -> "DEGRADED health");
        Instant since = f.health.status().since();
        Thread.sleep(1500);
        ProjectorHealth.Status during = f.health.status();
        assertThat(during.state()).as("still degraded while the outage lasts").isEqualTo(ProjectorHealth.State.DEGRADED);
        assertThat(during.since()).isEqualTo(since);
        assertThat(during.lastError()).contains("StoreUnavailableException").contains("simulated outage");
        long refusedSoFar = f.store.refused();
        assertThat(refusedSoFar).as("retried with backoff, not given up").isGreaterThan(2);
        assertThat(refusedSoFar).as("backoff caps the retry rate (max 400ms here)").isLessThan(50);

        f.store.failing.set(false);
        ProjectorFixture.await(f.health::isUp, Duration.ofSeconds(30), () -> "UP after the outage");
        f.awaitCaughtUp(loop, Duration.ofSeconds(60));
        loop.close();

        DriftReport drift = f.drift(1);
        assertThat(drift.recordsFolded()).isEqualTo(600);
        assertThat(drift.differences()).isEmpty();
        assertThat(f.count(1, ProjectionContainer.AUDIT_EVENTS)).isEqualTo(300);
        f.assertNoPositionWentBackwards();
    }
}
