package com.tradingcontrol.client.internals;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.client.ControlClientConfig;
import com.tradingcontrol.schemas.avro.AppliedSource;
import com.tradingcontrol.schemas.avro.ControlApplied;
import com.tradingcontrol.schemas.avro.EngineReport;
import com.tradingcontrol.schemas.avro.EngineReportType;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.serde.AvroDeserializer;
import com.tradingcontrol.schemas.topics.TopicNames;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The reporter never blocks its callers and never throws at them: drops and failed sends are counted. */
class EngineReporterTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final InProcessSchemaRegistry registry = InProcessSchemaRegistry.inMemory();

    private static ControlClientConfig config() {
        return ControlClientConfig.builder().bootstrapServers("unused:9092").schemaRegistry(InProcessSchemaRegistry.inMemory())
                .engineId("eng-unit").host("h1").heartbeatInterval(Duration.ofMinutes(1)).build();
    }

    private static ControlApplied applied(String commandId) {
        Instant now = Instant.now();
        return ControlApplied.newBuilder().setCommandId(commandId).setScope("global").setSource(AppliedSource.STATE)
                .setReceivedAt(now).setAppliedAt(now).setMode("HALTED").build();
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlocking() {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        try (EngineReporter reporter = new EngineReporter(config(), producer, registry,
                () -> new EngineReporter.Status(false, 1))) {
            for (int i = 0; i < 4096; i++) {
                reporter.applied(applied("c" + i)); // not started: nothing drains the queue
            }
            assertThat(reporter.failed()).isZero();
            reporter.applied(applied("one-too-many"));
            assertThat(reporter.failed()).isEqualTo(1);
        }
    }

    @Test
    void failedSendsAreCountedAndAcknowledgedOnesToo() throws Exception {
        MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        try (EngineReporter reporter = new EngineReporter(config(), producer, registry,
                () -> new EngineReporter.Status(true, 7))) {
            reporter.start(); // the first heartbeat goes out at once
            reporter.applied(applied("cmd-x"));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (producer.history().size() < 2) {
                assertThat(System.nanoTime()).as("two reports handed to the producer").isLessThan(deadline);
                Thread.onSpinWait();
            }
            assertThat(producer.history()).allSatisfy(r -> {
                assertThat(r.topic()).isEqualTo(TopicNames.ENGINE_REPORTS);
                assertThat(r.key()).isEqualTo("eng-unit");
            });
            assertThat(producer.errorNext(new KafkaException("broker away"))).isTrue();
            assertThat(producer.completeNext()).isTrue();
            assertThat(reporter.failed()).isEqualTo(1);
            assertThat(reporter.sent()).isEqualTo(1);
        }
    }

    @Test
    void changesQueuedWhileAReportIsSentGoOutTogetherInOrderAtMostMaxBatchPerReport() throws Exception {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        int queued = 2 * EngineReporter.MAX_BATCH + 200;
        try (EngineReporter reporter = new EngineReporter(config(), producer, registry,
                () -> new EngineReporter.Status(false, 3))) {
            for (int i = 0; i < queued; i++) {
                reporter.applied(applied("c" + i)); // not started yet: all of them wait in the queue
            }
            reporter.start();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (reporter.sent() < 4) {
                assertThat(System.nanoTime()).as("the first heartbeat and three reports sent").isLessThan(deadline);
                Thread.onSpinWait();
            }
            AvroDeserializer<EngineReport> reports = AvroDeserializer.specific(registry, EngineReport.class);
            List<EngineReport> applied = producer.history().stream().map(r -> reports.deserialize(r.topic(), r.value()))
                    .filter(r -> r.getType() == EngineReportType.APPLIED).toList();
            assertThat(applied).extracting(r -> 1 + r.getAlsoApplied().size())
                    .containsExactly(EngineReporter.MAX_BATCH, EngineReporter.MAX_BATCH, 200);
            List<String> order = applied.stream().flatMap(r -> Stream.concat(Stream.of(r.getApplied()),
                    r.getAlsoApplied().stream())).map(ControlApplied::getCommandId).toList();
            assertThat(order).containsExactlyElementsOf(IntStream.range(0, queued).mapToObj(i -> "c" + i).toList());
            assertThat(applied).allSatisfy(r -> assertThat(r.getStateVersion()).isEqualTo(3));
        }
    }
}
