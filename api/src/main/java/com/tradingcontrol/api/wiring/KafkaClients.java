package com.tradingcontrol.api.wiring;

import com.tradingcontrol.schemas.topics.TopicSpec;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Kafka client settings of the API. */
public final class KafkaClients {
    private KafkaClients() {}

    /**
     * acks=all + idempotence: a command is acknowledged only once all in-sync replicas have it, and the
     * producer's own retries cannot duplicate it. Every wait is bounded by {@code timeout}: metadata
     * ({@code max.block.ms}) and delivery including retries ({@code delivery.timeout.ms}); after that
     * the send fails and is never retried by the producer.
     */
    public static <V> KafkaProducer<String, V> producer(KafkaConfig kafka, TopicSpec<String, V> topic, Duration timeout) {
        return producer(kafka, topic, timeout, Map.of());
    }

    /** The same with {@code extra} settings on top. */
    public static <V> KafkaProducer<String, V> producer(KafkaConfig kafka, TopicSpec<String, V> topic, Duration timeout,
                                                        Map<String, Object> extra) {
        Map<String, Object> props = common(kafka, "commands");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        int millis = (int) timeout.toMillis();
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis);
        // Half the budget per attempt leaves room for one retry within the delivery timeout.
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1, millis / 2));
        props.putAll(extra);
        return new KafkaProducer<>(props, topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    /** A group-less consumer that only sees committed transactions (the processors write with EOS). */
    public static <K, V> KafkaConsumer<K, V> follower(KafkaConfig kafka, String purpose, TopicSpec<K, V> topic) {
        Map<String, Object> props = common(kafka, purpose);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    public static Map<String, Object> admin(KafkaConfig kafka, Duration timeout) {
        Map<String, Object> props = common(kafka, "admin");
        int millis = (int) timeout.toMillis();
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        return props;
    }

    private static Map<String, Object> common(KafkaConfig kafka, String purpose) {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers());
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, kafka.getClientId() + "-" + purpose + "-"
                + UUID.randomUUID().toString().substring(0, 8));
        // Reconnect quickly after a broker restart instead of backing off towards the 1s default cap.
        props.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        return props;
    }
}
