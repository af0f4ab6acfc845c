package com.tradingcontrol.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;

class BrokerPropertiesTest {

    private final Path logDir = Path.of("/tmp/embedded-kafka-test/kafka-logs");

    @Test
    void kafkaAcceptsTheSingleNodeConfiguration() {
        KafkaConfig config = KafkaConfig.fromProps(BrokerProperties.build(logDir, 19092, 19093, Map.of()), false);

        assertThat(config.getList("listeners"))
                .containsExactly("PLAINTEXT://127.0.0.1:19092", "CONTROLLER://127.0.0.1:19093");
        assertThat(config.getList("advertised.listeners")).containsExactly("PLAINTEXT://127.0.0.1:19092");
        assertThat(config.getList("controller.quorum.voters")).containsExactly("1@127.0.0.1:19093");
        assertThat(config.getList("log.dirs")).containsExactly(logDir.toString());
        assertThat(config.getString("metadata.log.dir")).isEqualTo(logDir.toString());
    }

    @Test
    void internalTopicsFitOneNodeAndTheCleanerIsSmallButOn() {
        KafkaConfig config = KafkaConfig.fromProps(BrokerProperties.build(logDir, 1, 2, Map.of()), false);

        assertThat(config.getShort("offsets.topic.replication.factor")).isEqualTo((short) 1);
        assertThat(config.getShort("transaction.state.log.replication.factor")).isEqualTo((short) 1);
        assertThat(config.getInt("transaction.state.log.min.isr")).isEqualTo(1);
        assertThat(config.getInt("min.insync.replicas")).isEqualTo(1);
        assertThat(config.getInt("group.initial.rebalance.delay.ms")).isZero();
        assertThat(config.getBoolean("auto.create.topics.enable")).isFalse();
        assertThat(config.getBoolean("log.cleaner.enable")).isTrue();
        assertThat(config.getLong("log.cleaner.dedupe.buffer.size")).isEqualTo(8L * 1024 * 1024);
    }

    @Test
    void callerPropertiesOverrideDefaultsButNotTheNodeIdentity() {
        KafkaConfig config = KafkaConfig.fromProps(BrokerProperties.build(logDir, 1, 2,
                Map.of("num.partitions", "6", "log.cleaner.dedupe.buffer.size", "2097152", "node.id", "7")), false);

        assertThat(config.getInt("num.partitions")).isEqualTo(6);
        assertThat(config.getLong("log.cleaner.dedupe.buffer.size")).isEqualTo(2_097_152L);
        assertThat(config.nodeId()).isEqualTo(1);
    }
}
