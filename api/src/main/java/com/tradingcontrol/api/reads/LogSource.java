package com.tradingcontrol.api.reads;

import com.tradingcontrol.codec.audit.AuditDecoding;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.registry.SchemaRegistryClient;
import com.tradingcontrol.schemas.serde.AvroSerdes;
import com.tradingcontrol.schemas.topics.TopicNames;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Read access to the two logs the read side goes back to: {@code trading.events} (the source of
 * truth for time travel and export) and {@code trading.audit} (the hash chains). Consumers are
 * assigned partitions directly (no group, nothing committed) and read committed data only, so
 * records of aborted processor transactions are never served.
 */
public final class LogSource implements AutoCloseable {

    /** Idle consumers kept for {@link #withConsumer}: enough for a few concurrent time-travel queries. */
    private static final int POOLED_CONSUMERS = 4;
    /**
     * Pooled consumers read ranges that already exist, so a broker holding a fetch open for new data
     * (fetch.max.wait.ms, 500 ms by default) can only delay: the fetch a consumer pipelines when a
     * read reaches the log's end would hold up the next query's first fetch for that long.
     */
    private static final int POOLED_FETCH_MAX_WAIT_MS = 10;

    private final Map<String, Object> consumerConfig;
    private final SchemaRegistryClient registry;
    private final String eventsTopic;
    private final String auditTopic;
    private final Duration timeout;
    private final ConsumerPool pool = new ConsumerPool(this::pooledConsumer, POOLED_CONSUMERS);

    /**
     * @param consumerConfig at least {@code bootstrap.servers}; any other consumer settings (security, ...)
     * @param timeout        limit for metadata calls and for a read to make progress
     */
    public LogSource(Map<String, Object> consumerConfig, SchemaRegistryClient registry, String eventsTopic,
                     String auditTopic, Duration timeout) {
        if (!consumerConfig.containsKey(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalArgumentException("consumer config needs " + ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
        }
        this.consumerConfig = Map.copyOf(consumerConfig);
        this.registry = Objects.requireNonNull(registry, "registry");
        this.eventsTopic = Objects.requireNonNull(eventsTopic, "eventsTopic");
        this.auditTopic = Objects.requireNonNull(auditTopic, "auditTopic");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    public static LogSource standard(String bootstrapServers, SchemaRegistryClient registry) {
        return new LogSource(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), registry,
                TopicNames.EVENTS, TopicNames.AUDIT, Duration.ofSeconds(10));
    }

    public String eventsTopic() {
        return eventsTopic;
    }

    public String auditTopic() {
        return auditTopic;
    }

    public Duration timeout() {
        return timeout;
    }

    /** A new consumer; the caller owns and closes it. Values stay bytes so one bad record can be reported, not crash the read. */
    public Consumer<String, byte[]> consumer(String purpose) {
        return consumer(purpose, Map.of());
    }

    private Consumer<String, byte[]> pooledConsumer() {
        return consumer("pooled", Map.of(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, POOLED_FETCH_MAX_WAIT_MS));
    }

    private Consumer<String, byte[]> consumer(String purpose, Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.putAll(overrides);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "api-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        config.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Runs {@code work} with a reused consumer (see {@link ConsumerPool}): it arrives unassigned, must
     * not be closed or kept by {@code work}, and is discarded if {@code work} throws.
     */
    public <T> T withConsumer(Function<Consumer<String, byte[]>, T> work) {
        return pool.withConsumer(work);
    }

    /** Closes the idle pooled consumers; consumers handed out by {@link #consumer} stay the caller's. */
    @Override
    public void close() {
        pool.close();
    }

    /** All partitions of {@code topic}, assigned to {@code consumer}. */
    public List<TopicPartition> assignAll(Consumer<String, byte[]> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        return partitions;
    }

    public Deserializer<EventEnvelope> eventDeserializer() {
        return AvroSerdes.specific(registry, EventEnvelope.class, false).deserializer();
    }

    /** Audit values decoded for verification: current shape plus the writer-schema record the hash covers. */
    public AuditDecoding auditDecoding() {
        return new AuditDecoding(registry);
    }
}
