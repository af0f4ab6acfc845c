package com.tradingcontrol.processors.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.kafka.embedded.EmbeddedKafkaBroker;
import com.tradingcontrol.schemas.avro.DeadLetter;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.topics.TopicCreator;
import com.tradingcontrol.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 10,000 mixed commands from four producers; the processor (a child JVM) is SIGKILLed mid-stream
 * and a new one started on the same state directory. Afterwards every command has exactly one
 * outcome and one audit record, events are gapless, state equals the fold of the events and the
 * audit chains verify. A poison record sent at the start lands in the DLQ under exactly-once.
 */
@Timeout(300) // seconds, per test method; ~22 s observed; its own deadlines reach 120 s
class ProcessorCrashRecoveryIT {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorCrashRecoveryIT.class);
    private static final int PARTITIONS = 3;

    private static EmbeddedKafkaBroker broker;
    private static Path workDir;
    private static Path registryDir;
    private static InProcessSchemaRegistry registry;
    private static Topics topics;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedKafkaBroker.startTemporary();
        workDir = Files.createDirectories(Path.of("target", "it-crash").toAbsolutePath());
        registryDir = Files.createTempDirectory(workDir, "registry");
        registry = InProcessSchemaRegistry.persistent(registryDir);
        topics = new Topics(registry, PARTITIONS);
        // Register every subject now, so child JVMs working on copies of this directory only read it.
        topics.valueSchemas().forEach((topic, schema) -> registry.register(topic + "-value", schema));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            TopicCreator.createAll(admin, topics, (short) 1, Duration.ofSeconds(30));
        }
    }


    @AfterAll
    static void stopBroker() {
        registry.close();
        broker.close();
    }

    @Test
    void aKilledAndRestartedProcessorLosesAndDuplicatesNothing() throws Exception {
        long started = System.nanoTime();
        long poisonOffset = sendPoison();
        Path stateDir = workDir.resolve("state-" + System.nanoTime());
        Map<String, String> settings = Map.of(
                ProcessorConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                ProcessorConfig.APPLICATION_ID, "crash-it",
                TestKeys.property(), TestKeys.keyFile(),
                ProcessorConfig.PARTITIONS, Integer.toString(PARTITIONS),
                ProcessorConfig.STATE_DIR, stateDir.toString(),
                ProcessorConfig.STREAMS_PREFIX + "session.timeout.ms", "6000",
                ProcessorConfig.STREAMS_PREFIX + "heartbeat.interval.ms", "1000",
                // The restarted instance replaces the killed one at once instead of waiting for its session to expire.
                ProcessorConfig.STREAMS_PREFIX + "group.instance.id", "processor-1");

        ChildProcessor first = ChildProcessor.start("first", workDir, registryDir, settings);
        CommandLoad load = new CommandLoad(broker.bootstrapServers(), topics.commands().name(),
                topics.commands().valueSerde().serializer());
        Thread producers = new Thread(() -> {
            try {
                load.run(4, 2500, 15);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "producers");
        producers.start();

        OutcomeWatcher watcher = new OutcomeWatcher(broker.bootstrapServers());
        watcher.awaitAtLeast(3000, Duration.ofSeconds(90), first);
        first.kill();
        LOG.info("Killed the first processor after {} outcomes, {} commands sent", watcher.seen(), load.sent.get());
        ChildProcessor second = ChildProcessor.start("second", workDir, registryDir, settings);
        try {
            producers.join();
            watcher.awaitAll(load.submissions.keySet(), Duration.ofSeconds(120), second);
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;

            ControlPlaneInvariants.Summary summary =
                    ControlPlaneInvariants.verify(broker.bootstrapServers(), topics, load.submissions);
            LOG.info("Crash IT: {} in {} ms", summary, elapsedMs);
            assertThat(summary.commands()).isGreaterThan(9800);
            assertThat(summary.systemActions()).isPositive();
            assertPoisonDeadLettered(poisonOffset);
        } finally {
            second.kill();
        }
    }

    private long sendPoison() throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(topics.commands().name(), "global",
                    "definitely not avro".getBytes(StandardCharsets.UTF_8))).get().offset();
        }
    }

    private void assertPoisonDeadLettered(long offset) {
        List<ConsumerRecord<org.apache.kafka.common.utils.Bytes, DeadLetter>> letters =
                LogSnapshot.read(broker.bootstrapServers(), topics.commandsDlq());
        assertThat(letters).hasSize(1);
        DeadLetter letter = letters.get(0).value();
        assertThat(letter.getSourceTopic()).isEqualTo(topics.commands().name());
        assertThat(letter.getSourceOffset()).isEqualTo(offset);
        assertThat(letter.getErrorMessage()).contains("magic");
    }

    /** Follows trading.command-outcomes (read_committed) and counts distinct command ids. */
    static final class OutcomeWatcher {
        private final KafkaConsumer<String, byte[]> consumer;
        private final Set<String> seen = new HashSet<>();

        OutcomeWatcher(String bootstrap) {
            consumer = new KafkaConsumer<>(LogSnapshot.consumerProperties(bootstrap), new StringDeserializer(),
                    new org.apache.kafka.common.serialization.ByteArrayDeserializer());
            consumer.subscribe(List.of(com.tradingcontrol.schemas.topics.TopicNames.COMMAND_OUTCOMES));
        }

        int seen() {
            return seen.size();
        }

        void awaitAtLeast(int count, Duration timeout, ChildProcessor processor) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (seen.size() < count) {
                if (System.nanoTime() > deadline || !processor.isAlive()) {
                    throw new AssertionError("only " + seen.size() + " outcomes; processor log:\n" + processor.logTail());
                }
                consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.key()));
            }
        }

        /** Polls once; true when every id has an outcome (the consumer is then closed). */
        boolean caughtUp(Set<String> ids) {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.key()));
            if (seen.containsAll(ids)) {
                consumer.close();
                return true;
            }
            return false;
        }

        void awaitAll(Set<String> ids, Duration timeout, ChildProcessor processor) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!seen.containsAll(ids)) {
                if (System.nanoTime() > deadline || !processor.isAlive()) {
                    throw new AssertionError("outcomes for " + seen.size() + " of " + ids.size()
                            + " commands; processor log:\n" + processor.logTail());
                }
                consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.key()));
            }
            consumer.close();
        }
    }
}
