package com.tradingcontrol.projections.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.kafka.embedded.SharedEmbeddedKafka;
import com.tradingcontrol.projections.projector.ProjectorLoop;
import com.tradingcontrol.projections.projector.ProjectorTopics;
import com.tradingcontrol.projections.rebuild.ActiveProjection;
import com.tradingcontrol.projections.testing.CommandStream;
import com.tradingcontrol.projections.testing.LogProducer;
import com.tradingcontrol.projections.testing.ProjectorFixture;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The service as operators start it: config file, the run loop, then the rebuild and drift commands. */
@Timeout(180) // seconds, per test method; ~4 s observed
class ProjectorServiceIT {

    @TempDir
    Path dir;

    @Test
    void runRebuildAndDriftCommandsWorkFromAConfigFile() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        ProjectorTopics topics = new ProjectorTopics("svc-events-" + id, "svc-audit-" + id);
        String bootstrap = SharedEmbeddedKafka.bootstrapServers();
        LogProducer.createTopics(bootstrap, topics, 2);
        Path registryDir = dir.resolve("registry");
        try (InProcessSchemaRegistry registry = InProcessSchemaRegistry.persistent(registryDir);
             LogProducer producer = new LogProducer(bootstrap, topics, registry)) {
            producer.write(new CommandStream(7, 2), 120, 10);
        }
        Path config = dir.resolve("projector.properties");
        Files.writeString(config, String.join("\n",
                "kafka.bootstrapServers=" + bootstrap, "kafka.groupId=svc-" + id,
                "topics.events=" + topics.events(), "topics.audit=" + topics.audit(),
                "registry.dir=" + registryDir, "store.type=sqlite", "store.sqlite.file=" + dir.resolve("p.db"),
                "projection.prefix=svc-", "projector.pointerCheck=200ms", "rebuild.handover=300ms"));

        try (ProjectorComponents components = ProjectorComponents.open(ProjectorConfig.from(load(config)))) {
            ProjectorRunner runner = components.runner();
            Thread thread = new Thread(runner, "svc-runner");
            thread.start();
            ProjectorFixture.await(() -> runner.currentLoop() != null, Duration.ofSeconds(30), () -> "runner loop");
            awaitCaughtUp(components, runner.currentLoop());
            assertThat(new ActiveProjection(components.store(), "svc-", Duration.ZERO).controlScopes()).isNotEmpty();
            runner.close();
            thread.join();
        }

        // One command at a time: the embedded store is one process's file (see the report on SQLite locking).
        Result rebuild = execute("rebuild", "-c", config.toString());
        assertThat(rebuild.code).as(rebuild.err).isZero();
        assertThat(rebuild.out).contains("switched v1 -> v2");
        Result drift = execute("drift", "-c", config.toString());
        assertThat(drift.code).as(drift.out + drift.err).isZero();
        assertThat(drift.out).contains("240 records folded").contains(" 0 differences");
        Result oldVersion = execute("drift", "-c", config.toString(), "--version", "1");
        assertThat(oldVersion.code).as("v1 was not dropped and is complete too").isZero();

        Result bad = execute("drift", "-c", config.toString(), "-D", "store.type=mongo");
        assertThat(bad.code).isNotZero();
        assertThat(bad.err).contains("store.type");
    }

    private static void awaitCaughtUp(ProjectorComponents components, ProjectorLoop loop) {
        Map<TopicPartition, Long> end = components.loops().endOffsets();
        ProjectorFixture.await(() -> end.entrySet().stream()
                .allMatch(e -> loop.positions().getOrDefault(e.getKey(), -1L) >= e.getValue()),
                Duration.ofSeconds(60), () -> "caught up to " + end);
    }

    private static java.util.Properties load(Path file) throws Exception {
        java.util.Properties props = new java.util.Properties();
        try (var reader = Files.newBufferedReader(file)) {
            props.load(reader);
        }
        return props;
    }

    private record Result(int code, String out, String err) {
    }

    private static Result execute(String... args) {
        StringWriter err = new StringWriter();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.out;
        System.setOut(new java.io.PrintStream(out, true));
        try {
            CommandLine cli = new CommandLine(new ProjectorService());
            cli.setErr(new PrintWriter(err, true));
            int code = cli.execute(args);
            return new Result(code, out.toString(), err.toString());
        } finally {
            System.setOut(original);
        }
    }
}
