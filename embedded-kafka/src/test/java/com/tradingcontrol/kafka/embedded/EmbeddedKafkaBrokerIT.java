package com.tradingcontrol.kafka.embedded;

import static com.tradingcontrol.kafka.embedded.KafkaTestClients.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Client behaviour against the JVM's shared embedded broker (started once for every IT class in this fork). */
@Timeout(120) // seconds, per test method; ~9 s observed for the class
class EmbeddedKafkaBrokerIT {

    private static EmbeddedKafkaBroker broker;
    private static Admin admin;

    @BeforeAll
    static void startBroker() {
        long begin = System.nanoTime();
        broker = SharedEmbeddedKafka.get();
        System.out.printf("shared embedded broker ready in %d ms%n", Duration.ofNanos(System.nanoTime() - begin).toMillis());
        admin = KafkaTestClients.admin(broker.bootstrapServers());
    }

    @AfterAll
    static void closeAdmin() {
        admin.close();
    }

    @Test
    void sharedBrokerIsOnePerJvmAndAnswersWithItsClusterId() throws Exception {
        assertThat(SharedEmbeddedKafka.get()).isSameAs(broker);
        assertThat(broker.isRunning()).isTrue();
        assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.port());
        assertThat(admin.describeCluster().clusterId().get()).isEqualTo(broker.clusterId());
        assertThat(admin.describeCluster().nodes().get()).hasSize(1);
    }

    @Test
    void runningBrokerUsesTheSingleNodeSettings() throws Exception {
        ConfigResource node = new ConfigResource(ConfigResource.Type.BROKER, "1");
        Config config = admin.describeConfigs(List.of(node)).all().get().get(node);

        assertThat(config.get("auto.create.topics.enable").value()).isEqualTo("false");
        assertThat(config.get("log.cleaner.enable").value()).isEqualTo("true");
        assertThat(config.get("log.cleaner.dedupe.buffer.size").value()).isEqualTo(String.valueOf(8 * 1024 * 1024));
        assertThat(config.get("transaction.state.log.min.isr").value()).isEqualTo("1");
    }

    @Test
    void producesIdempotentlyAndConsumesEverythingThroughAGroup() throws Exception {
        String topic = unique("orders");
        KafkaTestClients.createTopic(admin, topic, 3, Map.of());
        Map<String, String> sent = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            sent.put("key-" + i, "value-" + i);
        }
        KafkaTestClients.produce(broker.bootstrapServers(), topic, sent);

        String group = unique("group");
        List<ConsumerRecord<String, String>> received = consumeThroughGroup(topic, group, sent.size());

        assertThat(received).hasSize(300);
        assertThat(KafkaTestClients.values(received)).isEqualTo(sent);
        assertThat(received).extracting(ConsumerRecord::partition).containsOnly(0, 1, 2).contains(0, 1, 2);
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        assertThat(committed.values().stream().mapToLong(OffsetAndMetadata::offset).sum()).isEqualTo(300);
    }

    @Test
    void readCommittedConsumerSeesCommittedButNotAbortedTransactions() throws Exception {
        String topic = unique("tx");
        KafkaTestClients.createTopic(admin, topic, 1, Map.of());
        Map<String, Object> config = KafkaTestClients.producerConfig(broker.bootstrapServers());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, unique("tx-producer"));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.initTransactions();
            sendInTransaction(producer, topic, List.of("committed-1", "committed-2"), true);
            sendInTransaction(producer, topic, List.of("aborted-1", "aborted-2"), false);
            sendInTransaction(producer, topic, List.of("committed-3"), true);
        }

        assertThat(KafkaTestClients.readAll(broker.bootstrapServers(), topic, "read_committed"))
                .extracting(ConsumerRecord::value).containsExactly("committed-1", "committed-2", "committed-3");
        assertThat(KafkaTestClients.readAll(broker.bootstrapServers(), topic, "read_uncommitted"))
                .extracting(ConsumerRecord::value)
                .containsExactly("committed-1", "committed-2", "aborted-1", "aborted-2", "committed-3");
    }

    @Test
    void kafkaStreamsExactlyOnceV2ProcessesEveryRecordOnce(@TempDir Path stateDir) throws Exception {
        String input = unique("eos-in");
        String output = unique("eos-out");
        KafkaTestClients.createTopic(admin, input, 2, Map.of());
        KafkaTestClients.createTopic(admin, output, 2, Map.of());
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(value -> value.toUpperCase())
                .to(output, Produced.with(Serdes.String(), Serdes.String()));
        Map<String, String> sent = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            sent.put("k" + i, "command-" + i);
        }

        KafkaStreams streams = new KafkaStreams(builder.build(), streamsConfig(stateDir));
        try {
            streams.start();
            KafkaTestClients.produce(broker.bootstrapServers(), input, sent);
            List<ConsumerRecord<String, String>> out =
                    KafkaTestClients.awaitRecords(broker.bootstrapServers(), output, "read_committed", sent.size());

            assertThat(out).hasSize(20);
            assertThat(KafkaTestClients.values(out)).containsEntry("k0", "COMMAND-0").containsEntry("k19", "COMMAND-19");
        } finally {
            streams.close(Duration.ofSeconds(15));
        }
    }

    private Properties streamsConfig(Path stateDir) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, unique("eos-app"));
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        return p;
    }

    private static void sendInTransaction(KafkaProducer<String, String> producer, String topic,
                                          List<String> values, boolean commit) throws Exception {
        producer.beginTransaction();
        for (String value : values) {
            producer.send(new ProducerRecord<>(topic, value, value)).get();
        }
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.abortTransaction();
        }
    }

    private List<ConsumerRecord<String, String>> consumeThroughGroup(String topic, String group, int expected) {
        Map<String, Object> config = KafkaTestClients.consumerConfig(broker.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (received.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
            consumer.commitSync();
        }
        return received;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
