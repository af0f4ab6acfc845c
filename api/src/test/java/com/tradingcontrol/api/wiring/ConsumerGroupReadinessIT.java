package com.tradingcontrol.api.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.api.health.ReadinessStatus;
import com.tradingcontrol.kafka.embedded.SharedEmbeddedKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Readiness of a service in another process, from its consumer group: members, state and lag. */
@Timeout(value = 120)
class ConsumerGroupReadinessIT {
    private final String bootstrap = SharedEmbeddedKafka.bootstrapServers();
    private final String topic = "input-" + UUID.randomUUID();
    private final String group = "service-" + UUID.randomUUID();

    @Test
    void downWithoutMembersUpWhenCaughtUpDownWhenBehind() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
            ConsumerGroupReadiness readiness = new ConsumerGroupReadiness("service", admin, () -> Optional.of(group),
                    List.of(topic), 2, Duration.ofSeconds(5));
            produce(3);

            assertThat(readiness.check().ready()).isFalse();
            assertThat(readiness.check().detail()).contains("no live member");
            try (KafkaConsumer<String, String> member = consumer()) {
                member.subscribe(List.of(topic));
                ReadinessStatus up = awaitStatus(readiness, member, ReadinessStatus::ready);
                assertThat(up.detail()).contains("Stable, 1 member(s), 0 records behind");

                produce(5);
                ReadinessStatus behind = readiness.check();
                assertThat(behind.ready()).as(behind.detail()).isFalse();
                assertThat(behind.detail()).contains("5 records behind");

                assertThat(awaitStatus(readiness, member, ReadinessStatus::ready).ready()).isTrue();
            }
            assertThat(awaitStatus(readiness, null, s -> s.detail().contains("no live member")).ready()).isFalse();
        }
    }

    /** Polls (and commits) with {@code member} until the check says what {@code wanted} expects. */
    private static ReadinessStatus awaitStatus(ConsumerGroupReadiness readiness, KafkaConsumer<String, String> member,
                                               Predicate<ReadinessStatus> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        ReadinessStatus status = readiness.check();
        while (!wanted.test(status)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("readiness stayed " + status.detail());
            }
            if (member != null) {
                member.poll(Duration.ofMillis(200));
                member.commitSync();
            } else {
                Thread.sleep(200);
            }
            status = readiness.check();
        }
        return status;
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer());
    }

    private void produce(int count) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i));
            }
            producer.flush();
        }
    }
}
