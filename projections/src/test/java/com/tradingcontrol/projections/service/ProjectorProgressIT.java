package com.tradingcontrol.projections.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.projections.testing.ProjectorFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The projector's readiness is its progress against the log, not only "the loop runs and the store
 * answers": a stopped projector must read as behind as soon as records it has not projected exist.
 */
@Timeout(value = 120)
class ProjectorProgressIT {
    @TempDir
    static Path dir;
    private ProjectorFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new ProjectorFixture(java.nio.file.Files.createDirectories(dir.resolve(java.util.UUID.randomUUID().toString())));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void readyOnceCaughtUpAndBehindWhenStoppedWhileRecordsArrive() throws Exception {
        ProjectorRunner runner = new ProjectorRunner(f.meta, f.loops, "progress-" + f.id, Duration.ofMillis(200),
                "progress-it-1");
        ProjectorProgress progress = new ProjectorProgress(runner, f.loops);
        assertThat(progress.status().ready(0)).as("no loop yet").isFalse();
        Thread thread = new Thread(runner, "runner");
        thread.start();
        f.producer.write(f.stream, 200, 10);

        AtomicReference<ProjectorProgress.Status> last = new AtomicReference<>();
        ProjectorFixture.await(() -> {
            last.set(progress.status());
            return last.get().ready(0);
        }, Duration.ofSeconds(60), () -> "caught up: " + last.get());
        assertThat(last.get().lag()).isZero();
        assertThat(last.get().partitions()).isPositive();

        runner.close();
        thread.join(Duration.ofSeconds(30).toMillis());
        f.producer.write(f.stream, 50, 10);

        ProjectorProgress.Status behind = progress.status();
        assertThat(behind.ready(0)).as(behind.detail()).isFalse();
        assertThat(behind.lag()).isGreaterThanOrEqualTo(50);
    }
}
