package com.tradingcontrol.api.commands;

import com.tradingcontrol.schemas.topics.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads a whole topic (committed records only) to check what the system wrote. */
public final class TopicReader {
    private TopicReader() {}

    public static <V> List<V> readAll(String bootstrap, TopicSpec<String, V> topic) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(topic.name(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<V> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> values.add(record.value()));
            }
            return values;
        }
    }

    /** Polls the topic until a value matches (the processors write asynchronously), or fails after 10s. */
    public static <V> List<V> awaitMatching(String bootstrap, TopicSpec<String, V> topic, Predicate<V> match) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<V> found;
        do {
            found = readAll(bootstrap, topic).stream().filter(match).toList();
        } while (found.isEmpty() && System.nanoTime() < deadline);
        return found;
    }
}
