package com.tradingcontrol.client.internals;

import com.tradingcontrol.client.ControlClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.Map;

/**
 * The engine-report producer: idempotent, acks=all, a small linger. Its own, so reporting never
 * shares a buffer or a blocked metadata fetch with anything else. Bounded waits: a send blocks the
 * reporter thread (never an engine's or the reader's) at most {@code max.block.ms}, and a report
 * the broker has not acknowledged within {@code delivery.timeout.ms} fails (counted): a heartbeat
 * older than that is no longer worth delivering.
 */
final class ProducerSettings {

    static final int MAX_BLOCK_MS = 2_000;
    static final int REQUEST_TIMEOUT_MS = 3_000;
    static final int DELIVERY_TIMEOUT_MS = 5_000;

    private ProducerSettings() {
    }

    static Map<String, Object> properties(ControlClientConfig config) {
        Map<String, Object> props = new HashMap<>();
        // The engine's extra Kafka settings are consumer settings; pass on those a producer knows too
        // (security, timeouts of the connection), never a consumer-only one.
        config.kafkaProperties().forEach((k, v) -> {
            if (ProducerConfig.configNames().contains(k)) {
                props.put(k, v);
            }
        });
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, config.clientId() + "-reports");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS);
        props.putIfAbsent(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        return props;
    }

    static KafkaProducer<String, byte[]> create(ControlClientConfig config) {
        return new KafkaProducer<>(properties(config), new StringSerializer(), new ByteArraySerializer());
    }
}
