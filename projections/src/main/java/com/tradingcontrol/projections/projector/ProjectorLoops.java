package com.tradingcontrol.projections.projector;

import com.tradingcontrol.projections.store.ProjectionStore;
import com.tradingcontrol.schemas.registry.SchemaRegistryClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Everything a projector loop needs except its target version and group: creates loops for the
 * live service and for rebuilds, and measures the log's end (for a rebuild's catch-up point).
 */
public final class ProjectorLoops {

    /**
     * Timing and batch size of the loops: poll timeout, the store-retry backoff bounds, and the most
     * records one poll returns, which is one store batch and one offset commit.
     */
    public record Timing(Duration pollTimeout, Duration backoffInitial, Duration backoffMax, int maxPollRecords) {

        /**
         * Replays and backlogs fold many events into each document between its read and its write, so
         * their cost per event falls with the batch (replaying the rebuild bench's log, polls of 500 took
         * ~3x the CPU per event of polls of 5,000); live traffic polls far fewer records than this anyway.
         */
        public static final int DEFAULT_MAX_POLL_RECORDS = 5_000;

        public Timing {
            if (maxPollRecords < 1) {
                throw new IllegalArgumentException("maxPollRecords must be positive: " + maxPollRecords);
            }
        }

        public static Timing defaults() {
            return new Timing(Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofSeconds(30),
                    DEFAULT_MAX_POLL_RECORDS);
        }
    }

    private final String bootstrapServers;
    private final ProjectorTopics topics;
    private final SchemaRegistryClient registry;
    private final ProjectionStore store;
    private final ProjectorHealth health;
    private final Timing timing;

    public ProjectorLoops(String bootstrapServers, ProjectorTopics topics, SchemaRegistryClient registry,
                          ProjectionStore store, ProjectorHealth health, Timing timing) {
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
        this.registry = registry;
        this.store = store;
        this.health = health;
        this.timing = timing;
    }

    public ProjectorTopics topics() {
        return topics;
    }

    public ProjectorHealth health() {
        return health;
    }

    public RecordProjector projector(ContainerNames names) {
        return new RecordProjector(topics, registry, new DocumentWriter(store), names);
    }

    public ProjectorLoop create(ContainerNames names, String groupId) {
        return create(names, groupId, null);
    }

    /** @param instanceId static group membership id, or null for a dynamic member (see {@link ConsumerSettings}) */
    public ProjectorLoop create(ContainerNames names, String groupId, String instanceId) {
        Consumer<String, byte[]> consumer = new KafkaConsumer<>(
                ConsumerSettings.group(bootstrapServers, groupId, timing.maxPollRecords(), instanceId));
        return new ProjectorLoop(consumer, topics, projector(names), health,
                new Backoff(timing.backoffInitial(), timing.backoffMax()), timing.pollTimeout(), Clock.systemUTC());
    }

    /** A consumer that belongs to no group, for reading the log directly. */
    public Consumer<String, byte[]> standaloneConsumer() {
        return new KafkaConsumer<>(ConsumerSettings.standalone(bootstrapServers));
    }

    /** The committed end (last stable offset) of every partition of both topics, now. */
    public Map<TopicPartition, Long> endOffsets() {
        try (Consumer<String, byte[]> consumer = standaloneConsumer()) {
            return consumer.endOffsets(partitions(consumer, topics), Duration.ofSeconds(30));
        }
    }

    public static List<TopicPartition> partitions(Consumer<?, ?> consumer, ProjectorTopics topics) {
        List<TopicPartition> all = new ArrayList<>();
        for (String topic : topics.both()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist");
            }
            infos.forEach(p -> all.add(new TopicPartition(p.topic(), p.partition())));
        }
        return all;
    }
}
