package com.tradingcontrol.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Start, stop, restart and close of dedicated brokers (each test needs its own, so none is shared). */
@Timeout(180) // seconds, per test method; ~6 s observed; each test starts its own broker up to three times
class EmbeddedKafkaLifecycleIT {

    @Test
    void persistentDataDirKeepsClusterIdTopicsAndRecordsAcrossStopStartAndNewInstances(@TempDir Path dataDir)
            throws Exception {
        Map<String, String> sent = records(20);
        String clusterId;
        int port;
        try (EmbeddedKafkaBroker broker = timed("first start, formats", () -> EmbeddedKafkaBroker.builder()
                .dataDir(dataDir).startupTimeout(Duration.ofSeconds(60)).build().start())) {
            clusterId = broker.clusterId();
            port = broker.port();
            try (Admin admin = KafkaTestClients.admin(broker.bootstrapServers())) {
                KafkaTestClients.createTopic(admin, "survivor", 3, Map.of());
            }
            KafkaTestClients.produce(broker.bootstrapServers(), "survivor", sent);

            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);

            timed("restart after stop", broker::start);
            assertThat(broker.port()).isEqualTo(port);
            assertThat(broker.clusterId()).isEqualTo(clusterId);
            assertThat(KafkaTestClients.values(readAll(broker, "survivor"))).isEqualTo(sent);
        }
        assertThat(dataDir.resolve("kafka-logs/meta.properties")).exists();

        try (EmbeddedKafkaBroker again = timed("new instance on the same dir", () -> EmbeddedKafkaBroker.builder()
                .dataDir(dataDir).build().start())) {
            assertThat(again.clusterId()).isEqualTo(clusterId);
            assertThat(again.dataDir()).isEqualTo(dataDir.toAbsolutePath());
            try (Admin admin = KafkaTestClients.admin(again.bootstrapServers())) {
                assertThat(admin.describeTopics(List.of("survivor")).allTopicNames().get().get("survivor").partitions())
                        .hasSize(3);
            }
            assertThat(KafkaTestClients.values(readAll(again, "survivor"))).isEqualTo(sent);
        }
    }

    @Test
    void temporaryDataDirSurvivesStopAndIsDeletedOnClose() throws Exception {
        EmbeddedKafkaBroker broker = timed("temporary broker", EmbeddedKafkaBroker::startTemporary);
        Path dataDir = broker.dataDir();
        try {
            int port = broker.port();
            broker.stop();
            assertThat(dataDir).isDirectory();

            broker.start();
            assertThat(broker.port()).isEqualTo(port);
            assertThat(broker.isRunning()).isTrue();
        } finally {
            broker.close();
        }
        assertThat(Files.exists(dataDir)).isFalse();
        assertThat(broker.isClosed()).isTrue();
        assertThatThrownBy(broker::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void extraPropertiesApplyAndTheCleanerCompactsWithItsSmallDedupeBuffer() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
                .property("log.cleaner.backoff.ms", "100")
                .build().start();
             Admin admin = KafkaTestClients.admin(broker.bootstrapServers())) {
            KafkaTestClients.createTopic(admin, "state", 1, Map.of(
                    "cleanup.policy", "compact", "segment.ms", "100",
                    "min.cleanable.dirty.ratio", "0.01", "min.compaction.lag.ms", "0"));
            List<Map.Entry<String, String>> overwrites = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                overwrites.add(Map.entry("key-" + (i % 5), "v" + i));
            }
            KafkaTestClients.produce(broker.bootstrapServers(), "state", overwrites);
            // Only closed segments are compacted: wait past segment.ms, then the next append rolls the segment.
            Thread.sleep(300);
            KafkaTestClients.produce(broker.bootstrapServers(), "state", Map.of("roll", "r"));

            List<ConsumerRecord<String, String>> compacted = awaitCompaction(broker, 6);
            assertThat(compacted).hasSize(6);
            assertThat(KafkaTestClients.values(compacted)).containsEntry("key-0", "v95").containsEntry("key-4", "v99");
        }
    }

    private static List<ConsumerRecord<String, String>> awaitCompaction(EmbeddedKafkaBroker broker, int expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + KafkaTestClients.WAIT.toNanos();
        List<ConsumerRecord<String, String>> records = readAll(broker, "state");
        while (records.size() > expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
            records = readAll(broker, "state");
        }
        return records;
    }

    private static List<ConsumerRecord<String, String>> readAll(EmbeddedKafkaBroker broker, String topic) {
        return KafkaTestClients.readAll(broker.bootstrapServers(), topic, "read_committed");
    }

    private static Map<String, String> records(int count) {
        Map<String, String> records = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            records.put("id-" + i, "payload-" + i);
        }
        return records;
    }

    private static <T> T timed(String what, Supplier<T> action) {
        long begin = System.nanoTime();
        T result = action.get();
        System.out.printf("embedded broker %s: %d ms%n", what, Duration.ofNanos(System.nanoTime() - begin).toMillis());
        return result;
    }
}
