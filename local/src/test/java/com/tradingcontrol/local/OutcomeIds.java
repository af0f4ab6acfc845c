package com.tradingcontrol.local;

import com.tradingcontrol.processors.service.LogSnapshot;
import com.tradingcontrol.schemas.topics.TopicNames;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Follows trading.command-outcomes (read_committed) and collects the decided command ids. */
final class OutcomeIds {

    private final String bootstrap;

    OutcomeIds(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Returns how long it took until every id in {@code ids} had an outcome. */
    Duration awaitAll(Set<String> ids, Duration timeout) throws Exception {
        Set<String> seen = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(LogSnapshot.consumerProperties(bootstrap),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TopicNames.COMMAND_OUTCOMES));
            return Deadline.await("outcomes for all " + ids.size() + " commands", timeout, () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.key()));
                return seen.containsAll(ids);
            });
        }
    }
}
