package com.tradingcontrol.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.processors.service.ChildProcessor;
import com.tradingcontrol.processors.service.TestKeys;
import com.tradingcontrol.processors.service.ControlPlaneInvariants;
import com.tradingcontrol.processors.service.ProcessorConfig;
import com.tradingcontrol.projections.drift.DriftReport;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.topics.TopicSpec;
import com.tradingcontrol.schemas.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production shape under faults: three KRaft brokers (child JVMs), topics with replication
 * factor 3 and min.insync.replicas=2, two processor instances (child JVMs, one consumer group),
 * the projector and the API (in this JVM). Under a steady command load one broker is SIGKILLed,
 * later one processor, then both are restarted. Afterwards nothing is lost or duplicated, audit
 * chains verify and the projection has no drift. Recovery times are printed and written to
 * target/three-broker-recovery.txt (docs/operations.md quotes them).
 */
class ThreeBrokerFaultIT {

    private static final Logger LOG = LoggerFactory.getLogger(ThreeBrokerFaultIT.class);
    private static final int PARTITIONS = 3;
    private static final String APPLICATION_ID = "three-broker-processors";
    private static final Duration STEP = Duration.ofSeconds(90);

    private final Map<String, Duration> recovery = new LinkedHashMap<>();

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void killAndRestartABrokerAndAProcessorUnderLoadLosesAndDuplicatesNothing() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "it-three-broker").toAbsolutePath())
                .resolve("run-" + System.currentTimeMillis());
        Files.createDirectories(work);
        InProcessSchemaRegistry registry = SeededRegistry.create(work.resolve("registry"), PARTITIONS);
        Topics topics = new Topics(registry, PARTITIONS);
        try (ThreeBrokerCluster cluster = ThreeBrokerCluster.start(work, STEP);
             Processors processors = new Processors(work, cluster.bootstrap())) {
            processors.start("processor-a");
            processors.start("processor-b");
            awaitTopicsInProductionShape(cluster, topics);
            try (ProjectorAndApi side = ProjectorAndApi.start(work, cluster.bootstrap(), registry, PARTITIONS);
                 SteadyLoad load = SteadyLoad.start(cluster.bootstrap(), topics)) {
                ApiProbes probes = new ApiProbes(side.apiBase(), side.adminToken(), PARTITIONS);
                probes.decideOnEveryPartition("warm-up", STEP);
                injectFaults(cluster, processors, probes, load, topics);
                processors.assertAllAlive();
                Map<String, Integer> submissions = new HashMap<>(load.stop());
                probes.commandIds.forEach(id -> submissions.put(id, ControlPlaneInvariants.AT_LEAST_ONCE));
                verify(cluster, topics, submissions, side);
            }
        } finally {
            registry.close();
        }
        report(work);
    }

    private void injectFaults(ThreeBrokerCluster cluster, Processors processors, ApiProbes probes, SteadyLoad load,
                              Topics topics) throws Exception {
        load.awaitSent(200, STEP);
        int broker = cluster.leaderOf(topics.commands().name());
        cluster.kill(broker);
        LOG.info("Killed broker {} (leader of {}-0)", broker, topics.commands().name());
        recovery.put("broker " + broker + " SIGKILL -> commands decided on every partition",
                probes.decideOnEveryPartition("after-broker-kill", STEP));

        load.awaitSent(load.sent() + 200, STEP);
        String victim = killProcessorOwning(cluster, processors, new TopicPartition(topics.commands().name(), 0));
        recovery.put("processor SIGKILL -> commands decided on every partition",
                probes.decideOnEveryPartition("after-processor-kill", STEP));

        long restartedBroker = System.nanoTime();
        cluster.restart(broker);
        recovery.put("broker restart -> 3 live brokers", Deadline.await("3 live brokers", STEP,
                () -> cluster.liveBrokers() == 3));
        long restartedProcessor = System.nanoTime();
        processors.start(victim);
        recovery.put("processor restart -> commands decided on every partition",
                probes.decideOnEveryPartition("after-processor-restart", STEP));
        Deadline.await("two processors in the group", STEP, () -> cluster.groupMembers(APPLICATION_ID) == 2);
        recovery.put("processor restart -> both processors in the group", since(restartedProcessor));
        Deadline.await("full ISR", STEP, () -> cluster.fullyInSync(topicNames(topics)));
        recovery.put("broker restart -> every partition has 3 in-sync replicas", since(restartedBroker));
        load.awaitSent(load.sent() + 100, STEP);
    }

    /** Kills the instance processing {@code partition}, so its partitions really wait for a takeover. */
    private static String killProcessorOwning(ThreeBrokerCluster cluster, Processors processors,
                                              TopicPartition partition) throws Exception {
        String[] member = new String[1];
        Deadline.await("an instance assigned " + partition, STEP, () -> {
            member[0] = cluster.memberAssigned(APPLICATION_ID, partition).orElse(null);
            return member[0] != null;
        });
        // Kafka Streams gives each stream thread's consumer group.instance.id + "-<thread index>".
        String victim = member[0].replaceFirst("-\\d+$", "");
        processors.kill(victim);
        LOG.info("Killed {} (member {} was assigned {})", victim, member[0], partition);
        return victim;
    }

    private static void awaitTopicsInProductionShape(ThreeBrokerCluster cluster, Topics topics) throws Exception {
        List<String> names = topicNames(topics);
        Deadline.await("the processors to create the topics", STEP,
                () -> cluster.admin().listTopics().names().get().containsAll(names));
        cluster.admin().describeTopics(names).allTopicNames().get().values().forEach(d -> d.partitions()
                .forEach(p -> assertThat(p.replicas()).as(d.name()).hasSize(3)));
        Map<ConfigResource, Config> configs = cluster.admin().describeConfigs(names.stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList()).all().get();
        configs.forEach((topic, config) -> assertThat(config.get("min.insync.replicas").value())
                .as(topic.name()).isEqualTo("2"));
    }

    private void verify(ThreeBrokerCluster cluster, Topics topics, Map<String, Integer> submissions,
                        ProjectorAndApi side) throws Exception {
        Duration allDecided = new OutcomeIds(cluster.bootstrap())
                .awaitAll(submissions.keySet(), Duration.ofSeconds(120));
        LOG.info("All {} commands decided {} ms after the load stopped", submissions.size(), allDecided.toMillis());
        ControlPlaneInvariants.Summary summary = ControlPlaneInvariants.verify(cluster.bootstrap(), topics, submissions);
        LOG.info("Three-broker fault run: {}", summary);
        assertThat(summary.commands()).isGreaterThan(500);
        DriftReport[] last = new DriftReport[1];
        Deadline.await("a drift check without differences", STEP, () -> {
            last[0] = side.projector().drift(0);
            return last[0].clean();
        });
        assertThat(last[0].documentsCompared()).isPositive();
        assertThat(last[0].differences()).isEmpty();
    }

    private static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    private static List<String> topicNames(Topics topics) {
        return topics.all().stream().map(TopicSpec::name).toList();
    }

    private void report(Path work) throws Exception {
        StringBuilder text = new StringBuilder("Three-broker fault test, recovery times:\n");
        recovery.forEach((what, took) -> text.append(String.format("  %-62s %6d ms%n", what, took.toMillis())));
        System.out.print(text);
        Files.writeString(work.getParent().getParent().resolve("three-broker-recovery.txt"), text);
    }

    /** The processor instances, each a child JVM with static membership and its own state dir. */
    static final class Processors implements AutoCloseable {
        private final Path work;
        private final String bootstrap;
        private final Map<String, ChildProcessor> running = new HashMap<>();

        Processors(Path work, String bootstrap) {
            this.work = work;
            this.bootstrap = bootstrap;
        }

        void start(String name) throws Exception {
            Map<String, String> settings = Map.of(
                    ProcessorConfig.BOOTSTRAP_SERVERS, bootstrap,
                    ProcessorConfig.APPLICATION_ID, APPLICATION_ID,
                    TestKeys.property(), TestKeys.keyFile(),
                    ProcessorConfig.PARTITIONS, Integer.toString(PARTITIONS),
                    ProcessorConfig.REPLICATION_FACTOR, "3",
                    ProcessorConfig.STATE_DIR, work.resolve("state-" + name).toString(),
                    ProcessorConfig.STREAMS_PREFIX + "session.timeout.ms", "6000",
                    ProcessorConfig.STREAMS_PREFIX + "heartbeat.interval.ms", "1000",
                    ProcessorConfig.STREAMS_PREFIX + "group.instance.id", name);
            running.put(name, ChildProcessor.start(name + "-" + System.nanoTime(), work, work.resolve("registry"),
                    settings));
        }

        /** A processor that died on its own (not killed by the test) fails the run, with its log. */
        void assertAllAlive() throws Exception {
            for (Map.Entry<String, ChildProcessor> p : running.entrySet()) {
                assertThat(p.getValue().isAlive()).as(p.getKey() + " alive; its log:\n" + p.getValue().logTail())
                        .isTrue();
            }
        }

        void kill(String name) throws InterruptedException {
            ChildProcessor processor = running.remove(name);
            if (processor == null) {
                throw new AssertionError("no running processor " + name + "; running: " + running.keySet());
            }
            processor.kill();
        }

        @Override
        public void close() throws InterruptedException {
            for (ChildProcessor processor : running.values()) {
                processor.kill();
            }
        }
    }
}
