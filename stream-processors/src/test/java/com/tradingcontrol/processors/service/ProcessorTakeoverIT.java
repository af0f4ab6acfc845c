package com.tradingcontrol.processors.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.kafka.embedded.EmbeddedKafkaBroker;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.topics.TopicNames;
import com.tradingcontrol.schemas.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Two instances of one application id share the partitions; one stops mid-stream and the other takes over. */
@Timeout(300) // seconds, per test method; ~13 s observed; its own deadlines add up to ~270 s
class ProcessorTakeoverIT {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorTakeoverIT.class);

    private static EmbeddedKafkaBroker broker;
    private static InProcessSchemaRegistry registry;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.startTemporary();
        registry = InProcessSchemaRegistry.inMemory();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void theSurvivingInstanceTakesOverAndNothingIsLost() throws Exception {
        long started = System.nanoTime();
        Path work = Files.createTempDirectory("takeover-it");
        ProcessorService first = ProcessorService.start(config(work.resolve("a")), registry);
        ProcessorService second = ProcessorService.start(config(work.resolve("b")), registry);
        try {
            assertThat(first.awaitReady(Duration.ofSeconds(60))).isTrue();
            assertThat(second.awaitReady(Duration.ofSeconds(60))).isTrue();
            awaitBothOwnTasks(first, second);

            Topics topics = new Topics(registry, 3);
            CommandLoad load = new CommandLoad(broker.bootstrapServers(), topics.commands().name(),
                    topics.commands().valueSerde().serializer());
            Thread producers = new Thread(() -> {
                try {
                    load.run(3, 1000, 20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            producers.start();
            while (load.sent.get() < 1000) {
                Thread.sleep(10);
            }
            first.close(Duration.ofSeconds(30));
            LOG.info("Stopped the first instance after {} commands", load.sent.get());
            producers.join();

            ProcessorCrashRecoveryIT.OutcomeWatcher watcher =
                    new ProcessorCrashRecoveryIT.OutcomeWatcher(broker.bootstrapServers());
            awaitAll(watcher, load.submissions.keySet(), second);
            assertThat(decideTasks(second)).as("decide tasks owned by the survivor").isEqualTo(3);

            ControlPlaneInvariants.Summary summary =
                    ControlPlaneInvariants.verify(broker.bootstrapServers(), topics, load.submissions);
            LOG.info("Takeover IT: {} in {} ms", summary, (System.nanoTime() - started) / 1_000_000);
            assertThat(summary.commands()).isGreaterThan(2900);
        } finally {
            first.close(Duration.ofSeconds(10));
            second.close(Duration.ofSeconds(10));
        }
    }

    private static ProcessorConfig config(Path stateDir) {
        Map<String, String> p = new TreeMap<>();
        p.put(ProcessorConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
        p.put(ProcessorConfig.APPLICATION_ID, "takeover-it");
        p.put(TestKeys.property(), TestKeys.keyFile());
        p.put(ProcessorConfig.STATE_DIR, stateDir.toString());
        p.put(ProcessorConfig.STREAMS_PREFIX + "session.timeout.ms", "6000");
        p.put(ProcessorConfig.STREAMS_PREFIX + "heartbeat.interval.ms", "1000");
        return ProcessorConfig.fromProperties(p);
    }

    private static void awaitBothOwnTasks(ProcessorService a, ProcessorService b) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (decideTasks(a) == 0 || decideTasks(b) == 0 || decideTasks(a) + decideTasks(b) != 3) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("decide tasks not shared: " + decideTasks(a) + " + " + decideTasks(b));
            }
            Thread.sleep(50);
        }
    }

    /** Active tasks of the decide step (those reading trading.commands; the idempotency gate has its own). */
    private static int decideTasks(ProcessorService service) {
        return (int) service.streams().metadataForLocalThreads().stream()
                .flatMap(thread -> thread.activeTasks().stream())
                .filter(task -> task.topicPartitions().stream().anyMatch(tp -> tp.topic().equals(TopicNames.COMMANDS)))
                .count();
    }

    private static void awaitAll(ProcessorCrashRecoveryIT.OutcomeWatcher watcher, Set<String> ids,
                                 ProcessorService survivor) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!watcher.caughtUp(ids)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("outcomes for " + watcher.seen() + " of " + ids.size()
                        + " commands; survivor state " + survivor.state());
            }
        }
    }
}
