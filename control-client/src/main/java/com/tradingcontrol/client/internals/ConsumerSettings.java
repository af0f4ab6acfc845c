package com.tradingcontrol.client.internals;

import com.tradingcontrol.client.ControlClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.util.HashMap;
import java.util.Map;

/** The client's consumer: no group (partitions are assigned), read_committed, values decoded by the client. */
final class ConsumerSettings {

    private ConsumerSettings() {
    }

    static Map<String, Object> properties(ControlClientConfig config) {
        Map<String, Object> props = new HashMap<>(config.kafkaProperties());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG); // assignment only: no group, no commits
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, config.clientId());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        props.putIfAbsent(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        return props;
    }

    /** Values stay bytes so a bad record is counted and isolated by key instead of jamming poll(). */
    static KafkaConsumer<String, byte[]> create(ControlClientConfig config) {
        return new KafkaConsumer<>(properties(config), new StringDeserializer(), new ByteArrayDeserializer());
    }
}
