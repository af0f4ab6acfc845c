package com.tradingcontrol.schemas.topics;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;

/**
 * One topic of the platform: its name, key and value serdes, and how it is laid out.
 *
 * @param retention null = kept forever
 */
public record TopicSpec<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions,
                              CleanupPolicy cleanupPolicy, Duration retention) {

    /** How the broker discards old records. */
    public enum CleanupPolicy {
        DELETE(TopicConfig.CLEANUP_POLICY_DELETE), COMPACT(TopicConfig.CLEANUP_POLICY_COMPACT);

        private final String kafkaValue;

        CleanupPolicy(String kafkaValue) {
            this.kafkaValue = kafkaValue;
        }

        public String kafkaValue() {
            return kafkaValue;
        }
    }

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1 for " + name);
        }
    }

    /** Broker-side topic configuration implied by this spec. */
    public Map<String, String> topicConfig() {
        String retentionMs = retention == null ? "-1" : Long.toString(retention.toMillis());
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy.kafkaValue(),
                TopicConfig.RETENTION_MS_CONFIG, retentionMs);
    }
}
