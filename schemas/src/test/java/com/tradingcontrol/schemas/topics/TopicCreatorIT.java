package com.tradingcontrol.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingcontrol.kafka.embedded.EmbeddedKafkaBroker;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Creating the platform's topics against a real broker: layout as registered, and idempotent. */
@Timeout(120) // seconds, per test method; ~3 s observed
class TopicCreatorIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static EmbeddedKafkaBroker broker;
    private static Admin admin;

    @BeforeAll
    static void start() {
        // A broker of its own: the test changes a topic's partition count.
        broker = EmbeddedKafkaBroker.startTemporary();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    @AfterAll
    static void stop() {
        admin.close();
        broker.close();
    }

    @Test
    void createsEveryTopicWithItsLayoutAndIsIdempotent() throws Exception {
        Topics topics = new Topics(InProcessSchemaRegistry.inMemory(), 3);

        List<String> created = TopicCreator.createAll(admin, topics, (short) 1, TIMEOUT);
        List<String> again = TopicCreator.createAll(admin, topics, (short) 1, TIMEOUT);

        assertThat(created).containsExactlyInAnyOrder(TopicNames.COMMANDS, TopicNames.KEYED_COMMANDS,
                TopicNames.EVENTS, TopicNames.COMMAND_OUTCOMES, TopicNames.AUDIT, TopicNames.CONTROL_STATE,
                TopicNames.PROFILE_STATE, TopicNames.CONFIG_STATE, TopicNames.HALT_SIGNALS, TopicNames.ENGINE_REPORTS,
                TopicNames.COMMANDS_DLQ);
        assertThat(again).isEmpty();
        var descriptions = admin.describeTopics(created).allTopicNames().get();
        assertThat(descriptions.get(TopicNames.EVENTS).partitions()).hasSize(3);
        assertThat(descriptions.get(TopicNames.COMMANDS_DLQ).partitions()).hasSize(1);
        assertThat(topicConfig(TopicNames.CONTROL_STATE, "cleanup.policy")).isEqualTo("compact");
        assertThat(topicConfig(TopicNames.PROFILE_STATE, "cleanup.policy")).isEqualTo("compact");
        assertThat(topicConfig(TopicNames.CONFIG_STATE, "cleanup.policy")).isEqualTo("compact");
        assertThat(descriptions.get(TopicNames.PROFILE_STATE).partitions()).hasSize(3);
        // One partition: a client reads every halt signal in the order the API published them.
        assertThat(descriptions.get(TopicNames.HALT_SIGNALS).partitions()).hasSize(1);
        assertThat(topicConfig(TopicNames.HALT_SIGNALS, "retention.ms")).isEqualTo(Long.toString(Duration.ofDays(1).toMillis()));
        assertThat(descriptions.get(TopicNames.ENGINE_REPORTS).partitions()).hasSize(3);
        assertThat(topicConfig(TopicNames.EVENTS, "retention.ms")).isEqualTo("-1");
        assertThat(topicConfig(TopicNames.COMMANDS, "retention.ms")).isEqualTo(Long.toString(Duration.ofDays(7).toMillis()));

        admin.createPartitions(Map.of(TopicNames.AUDIT, NewPartitions.increaseTo(4))).all().get();
        awaitPartitions(TopicNames.AUDIT, 4);
        assertThatThrownBy(() -> TopicCreator.createAll(admin, topics, (short) 1, TIMEOUT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(TopicNames.AUDIT).hasMessageContaining("expected 3");
    }

    private static void awaitPartitions(String topic, int expected) throws Exception {
        // The broker's metadata cache learns of new partitions shortly after the controller commits them.
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size() != expected) {
            assertThat(System.nanoTime()).as("partitions of " + topic + " reach " + expected).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static String topicConfig(String topic, String key) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource).get(key).value();
    }
}
