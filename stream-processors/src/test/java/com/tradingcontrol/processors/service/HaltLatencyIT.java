package com.tradingcontrol.processors.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.kafka.embedded.EmbeddedKafkaBroker;
import com.tradingcontrol.schemas.avro.Actor;
import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.avro.PauseTrading;
import com.tradingcontrol.schemas.avro.ResumeTrading;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures command -> committed event latency (what a read_committed trading engine sees) on the
 * embedded broker for several commit intervals. The numbers go to the log for the service notes;
 * the assertions only check that every command arrived and the latency stays bounded.
 */
class HaltLatencyIT {

    private static final Logger LOG = LoggerFactory.getLogger(HaltLatencyIT.class);
    private static final int COMMANDS = 150;

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
    void commitIntervalBoundsHaltLatency() throws Exception {
        Map<Integer, long[]> results = new TreeMap<>();
        for (int commitMs : new int[] {100, 10}) {
            long[] latencies = measure(commitMs);
            results.put(commitMs, latencies);
            LOG.info("Halt latency at commit.interval.ms={}: p50={} ms p99={} ms max={} ms (n={})", commitMs,
                    percentile(latencies, 50), percentile(latencies, 99), latencies[latencies.length - 1],
                    latencies.length);
        }
        results.values().forEach(l -> assertThat(l).hasSize(COMMANDS));
        assertThat(percentile(results.get(10), 99)).isLessThan(1000);
    }

    private long[] measure(int commitMs) throws Exception {
        Path stateDir = Files.createTempDirectory("latency-it");
        Map<String, String> p = new TreeMap<>();
        p.put(ProcessorConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
        p.put(ProcessorConfig.APPLICATION_ID, "latency-" + commitMs);
        p.put(ProcessorConfig.STATE_DIR, stateDir.toString());
        p.put(ProcessorConfig.COMMIT_INTERVAL_MS, Integer.toString(commitMs));
        Topics topics = new Topics(registry, 3);
        String scope = "symbol:LAT" + commitMs;
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        try (ProcessorService service = ProcessorService.start(ProcessorConfig.fromProperties(p), registry);
             KafkaConsumer<String, EventEnvelope> consumer = new KafkaConsumer<>(
                     LogSnapshot.consumerProperties(broker.bootstrapServers()), new StringDeserializer(),
                     topics.events().valueSerde().deserializer());
             KafkaProducer<String, CommandEnvelope> producer = new KafkaProducer<>(producerProperties(),
                     new StringSerializer(), topics.commands().valueSerde().serializer())) {
            assertThat(service.awaitReady(Duration.ofSeconds(60))).isTrue();
            List<TopicPartition> partitions = consumer.partitionsFor(topics.events().name()).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            warmUp(producer, consumer, topics, scope + "W");
            String prefix = "lat" + commitMs + "-";
            for (int i = 0; i < COMMANDS; i++) {
                String id = prefix + i;
                Object payload = i % 2 == 0 ? new PauseTrading(scope, "halt", null) : new ResumeTrading(scope, "go");
                CommandEnvelope command = CommandEnvelope.newBuilder().setCommandId(id).setRequestId(id)
                        .setIssuedAt(Instant.now()).setActor(new Actor("olga", null, List.of("operator")))
                        .setExpectedVersion(null).setPayload(payload).build();
                sentAt.put(id, System.nanoTime());
                producer.send(new ProducerRecord<>(topics.commands().name(), scope, command));
                drain(consumer, prefix, sentAt, latencies, 25);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (latencies.size() < COMMANDS && System.nanoTime() < deadline) {
                drain(consumer, prefix, sentAt, latencies, 50);
            }
        }
        return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /**
     * The first commands after start-up also pay for metadata fetches, the initial rebalance and
     * (here) re-reading earlier rounds' commands under a new application id; wait until a command
     * round-trips before measuring steady state.
     */
    private static void warmUp(KafkaProducer<String, CommandEnvelope> producer,
                               KafkaConsumer<String, EventEnvelope> consumer, Topics topics, String scope) {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> arrived = Collections.synchronizedList(new ArrayList<>());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (int i = 0; arrived.size() < 5 && System.nanoTime() < deadline; i++) {
            String id = "warm-" + scope + "-" + i;
            Object payload = i % 2 == 0 ? new PauseTrading(scope, "warm", null) : new ResumeTrading(scope, "warm");
            sentAt.put(id, System.nanoTime());
            producer.send(new ProducerRecord<>(topics.commands().name(), scope, CommandEnvelope.newBuilder()
                    .setCommandId(id).setRequestId(id).setIssuedAt(Instant.now())
                    .setActor(new Actor("olga", null, List.of("operator"))).setExpectedVersion(null)
                    .setPayload(payload).build()));
            drain(consumer, "warm-", sentAt, arrived, 100);
        }
        drain(consumer, "warm-", sentAt, arrived, 300);
    }

    private static void drain(KafkaConsumer<String, EventEnvelope> consumer, String prefix, Map<String, Long> sentAt,
                              List<Long> latencies, long millis) {
        long until = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < until) {
            consumer.poll(Duration.ofMillis(5)).forEach(r -> {
                String commandId = r.value().getCommandId();
                Long sent = sentAt.get(commandId);
                if (commandId.startsWith(prefix) && sent != null) {
                    latencies.add((System.nanoTime() - sent) / 1_000_000);
                }
            });
        }
    }

    private static Properties producerProperties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return p;
    }

    private static long percentile(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return -1;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }
}
