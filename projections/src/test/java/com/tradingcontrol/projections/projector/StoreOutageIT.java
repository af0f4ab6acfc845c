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

        long outageStarted = System.nanoTime();
        f.store.failing.set(true);
        f.producer.write(f.stream, 150, 10);
        ProjectorFixture.await(() -> f.health.status().state() == ProjectorHealth.State.DEGRADED, Duration.ofSeconds(30),
                () -> "DEGRADED health");
        Instant since = f.health.status().since();
        // Wait for retries rather than for a while: each attempt is refused once (its first store call), and
        // the backoff (50 ms doubling to 400 ms here) spaces the 6th refusal >= 1,150 ms after the outage began.
        ProjectorFixture.await(() -> f.store.refused() >= 6, Duration.ofSeconds(30),
                () -> "6 refused retries, got " + f.store.refused());
        long tookMillis = (System.nanoTime() - outageStarted) / 1_000_000;
        ProjectorHealth.Status during = f.health.status();
        assertThat(during.state()).as("still degraded while the outage lasts").isEqualTo(ProjectorHealth.State.DEGRADED);
        assertThat(during.since()).isEqualTo(since);
        assertThat(during.lastError()).contains("StoreUnavailableException").contains("simulated outage");
        assertThat(tookMillis).as("backoff spaces the retries (50+100+200+400+400 ms before the 6th)")
                .isGreaterThanOrEqualTo(1_100);

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
