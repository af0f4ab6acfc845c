package com.tradingcontrol.bench;

import com.tradingcontrol.schemas.avro.Actor;
import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.signing.CommandSigner;
import com.tradingcontrol.schemas.avro.PauseTrading;
import com.tradingcontrol.schemas.avro.ResumeTrading;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;

/** Client settings and command records shared by the scenarios. */
public final class KafkaSupport {

    private KafkaSupport() {
    }

    /** acks=all, idempotent, linger 0: the latency-first producer both the baseline and the platform use. */
    public static Properties latencyProducer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return p;
    }

    /** Same guarantees, batched: for throughput runs. */
    public static Properties throughputProducer(String bootstrap) {
        Properties p = latencyProducer(bootstrap);
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(128 * 1024));
        return p;
    }

    /** Group-less, read_committed (what a trading engine reading processor output must use). */
    public static Properties committedReader(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-reader-" + UUID.randomUUID());
        return p;
    }

    /** Assigns every partition of {@code topic} and positions at its end. */
    public static List<TopicPartition> assignAtEnd(Consumer<?, ?> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return partitions;
    }

    /** A signed command as the API writes it (the processors reject unsigned ones). */
    public static CommandEnvelope pauseOrResume(CommandSigner signer, String commandId, String scope, boolean pause) {
        Object payload = pause ? new PauseTrading(scope, "bench", null) : new ResumeTrading(scope, "bench", null);
        return signer.sign(CommandEnvelope.newBuilder().setCommandId(commandId).setRequestId(commandId)
                .setIssuedAt(Instant.now()).setActor(new Actor("bench-operator", null, List.of("operator")))
                .setExpectedVersion(null).setPayload(payload).build());
    }
}
