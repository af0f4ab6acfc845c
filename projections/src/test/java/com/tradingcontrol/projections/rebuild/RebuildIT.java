package com.tradingcontrol.projections.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.projections.drift.DriftReport;
import com.tradingcontrol.projections.projector.ProjectionContainer;
import com.tradingcontrol.projections.projector.ProjectorLoop;
import com.tradingcontrol.projections.service.ProjectorRunner;
import com.tradingcontrol.projections.store.NotFoundException;
import com.tradingcontrol.projections.store.Query;
import com.tradingcontrol.projections.testing.ProjectorFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acceptance: a rebuild into a new version while commands keep flowing, then the switch. A reader
 * reads continuously through {@link ActiveProjection} and never sees an empty or partial projection;
 * afterwards the new version has zero drift and the old one is gone.
 */
@Timeout(300) // seconds, per test method; ~6.5 s observed; the rebuild alone may take 90 s
class RebuildIT {

    private static final Logger LOG = LoggerFactory.getLogger(RebuildIT.class);
    private static final List<String> CONTROL_FIELDS = List.of("id", "scope", "mode", "paused", "version", "_position",
            "lastEventId", "updatedAt");

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
    void rebuildWhileCommandsFlowNeverShowsAnEmptyOrPartialProjection() throws Exception {
        String group = "rebuild-" + f.id;
        ProjectorRunner runner = new ProjectorRunner(f.meta, f.loops, group, Duration.ofMillis(200));
        Thread runnerThread = new Thread(runner, "runner");
        runnerThread.start();
        f.producer.write(f.stream, 400, 10);
        ProjectorFixture.await(() -> runner.currentLoop() != null, Duration.ofSeconds(30), () -> "the runner's loop");
        f.awaitCaughtUp(runner.currentLoop(), Duration.ofSeconds(60));

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong writes = new AtomicLong();
        Thread producer = new Thread(() -> {
            while (running.get()) {
                f.producer.write(f.stream, 2, 1);
                writes.incrementAndGet();
            }
        }, "producer");
        ContinuousReader reader = new ContinuousReader(new ActiveProjection(f.store, f.prefix, Duration.ofMillis(100)));
        Thread readerThread = new Thread(reader, "reader");
        producer.start();
        readerThread.start();

        Rebuild.Result result = new Rebuild(f.meta, f.loops, group,
                new Rebuild.Options(Duration.ofSeconds(90), Duration.ofSeconds(1), true, Duration.ofMillis(600))).run();
        LOG.info("rebuild: {}", result);
        assertThat(result.previousVersion()).isEqualTo(1);
        assertThat(result.newVersion()).isEqualTo(2);
        assertThat(result.oldDropped()).isTrue();
        assertThat(f.meta.read().orElseThrow().active()).isEqualTo(2);

        // Traffic and reads go on past the switch: wait for them to happen, not for a fixed while.
        long writesAtSwitch = writes.get();
        long readsAtSwitch = reader.reads.get();
        ProjectorFixture.await(() -> writes.get() >= writesAtSwitch + 20 && reader.reads.get() >= readsAtSwitch + 20
                && reader.versionsSeen.contains(2), Duration.ofSeconds(30),
                () -> "writes and reads after the switch: " + (writes.get() - writesAtSwitch) + " writes, "
                        + (reader.reads.get() - readsAtSwitch) + " reads, versions seen " + reader.versionsSeen);
        running.set(false);
        producer.join();
        ProjectorFixture.await(() -> runner.currentLoop().names().version() == 2, Duration.ofSeconds(10), () -> "runner on v2");
        ProjectorLoop live = runner.currentLoop();
        f.awaitCaughtUp(live, Duration.ofSeconds(60));
        reader.stop();
        readerThread.join();
        runner.close();
        runnerThread.join();

        assertThat(reader.problems).as("reads that saw an empty or partial projection").isEmpty();
        assertThat(reader.reads.get()).as("reads done during the run").isGreaterThan(20);
        assertThat(reader.versionsSeen).contains(1, 2);
        DriftReport drift = f.drift(2);
        assertThat(drift.differences()).isEmpty();
        assertThat(f.count(2, ProjectionContainer.AUDIT_EVENTS)).isEqualTo(drift.recordsFolded() / 2);
        assertThatThrownBy(() -> f.sqlite.query(f.names(1).name(ProjectionContainer.TRADING_CONTROL), Query.crossPartition()))
                .isInstanceOf(NotFoundException.class);
        f.assertNoPositionWentBackwards();
    }

    /** Reads control, config and audit documents in a loop and notes anything empty, shrinking or incomplete. */
    private static final class ContinuousReader implements Runnable {
        final ActiveProjection projection;
        final List<String> problems = new CopyOnWriteArrayList<>();
        final List<Integer> versionsSeen = new CopyOnWriteArrayList<>();
        final AtomicLong reads = new AtomicLong();
        volatile boolean stopped;

        ContinuousReader(ActiveProjection projection) {
            this.projection = projection;
        }

        void stop() {
            stopped = true;
        }

        @Override
        public void run() {
            int controls = 0;
            int configs = 0;
            while (!stopped) {
                int version = projection.activeVersion();
                if (!versionsSeen.contains(version)) {
                    versionsSeen.add(version);
                }
                List<ObjectNode> scopes = projection.controlScopes();
                List<ObjectNode> keys = projection.configs();
                if (scopes.size() < controls || keys.size() < configs || scopes.isEmpty()) {
                    problems.add("v" + version + ": " + scopes.size() + " control docs after " + controls + ", "
                            + keys.size() + " config docs after " + configs);
                }
                controls = Math.max(controls, scopes.size());
                configs = Math.max(configs, keys.size());
                for (ObjectNode doc : scopes) {
                    CONTROL_FIELDS.stream().filter(field -> !doc.has(field))
                            .forEach(field -> problems.add("v" + version + " control doc without " + field + ": " + doc));
                }
                if (projection.audit(com.tradingcontrol.projections.rebuild.AuditQuery.all().page(1, null)).items().isEmpty()) {
                    problems.add("v" + version + ": no audit documents");
                }
                reads.incrementAndGet();
            }
        }
    }
}
