package com.tradingcontrol.bench;

import com.tradingcontrol.schemas.avro.Actor;
import com.tradingcontrol.schemas.avro.AggregateType;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.avro.TradingPaused;
import com.tradingcontrol.schemas.avro.TradingResumed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Grows {@code trading.events} to a target size with well-formed pause/resume events on 1,000 bench
 * symbols ({@code symbol:LOG<n>}, never touched by commands, with gapless per-aggregate sequences).
 * Written straight to the topic: going through the processors would cap the fill at the command
 * throughput and turn a 1M-event log into a many-minute setup step. Written in transactions, as the
 * processors write, so the log carries commit markers like the real one (readers that assume "last
 * record + 1 = end" fail on such a log, and the figures must see that).
 */
public final class EventLog {

    private static final int AGGREGATES = 1000;
    private static final int RECORDS_PER_TRANSACTION = 1000;

    private final Platform platform;
    private final long[] sequences = new long[AGGREGATES];
    private long written;
    private final Instant created = Instant.now();
    private Instant firstWrittenAt;

    public EventLog(Platform platform) {
        this.platform = platform;
    }

    /**
     * Records currently in the events topic (log end offsets; processor-written parts include txn markers).
     * Read uncommitted on purpose: a read_committed consumer's end offset is the last stable offset, which
     * lags behind a transaction this class just committed until the broker has written its markers
     * ({@code commitTransaction} returns before that), so the size of a log just grown could read short.
     */
    public long size() {
        Properties p = KafkaSupport.committedReader(platform.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(platform.topics().events().name()).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            return ends.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Appends events until the topic holds {@code target} records; returns how many were appended. */
    public long growTo(long target) {
        long missing = target - size();
        if (missing <= 0) {
            return 0;
        }
        if (firstWrittenAt == null) {
            firstWrittenAt = Instant.now();
        }
        Actor actor = new Actor("bench-operator", null, List.of("operator"));
        String topic = platform.topics().events().name();
        Properties settings = KafkaSupport.throughputProducer(platform.bootstrapServers());
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bench-event-log");
        try (KafkaProducer<String, EventEnvelope> producer = new KafkaProducer<>(settings, new StringSerializer(),
                platform.topics().events().valueSerde().serializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (long i = 0; i < missing; i++) {
                if (i > 0 && i % RECORDS_PER_TRANSACTION == 0) {
                    producer.commitTransaction();
                    producer.beginTransaction();
                }
                int n = (int) ((written + i) % AGGREGATES);
                String scope = "symbol:LOG" + n;
                long seq = ++sequences[n];
                Object payload = seq % 2 == 1 ? new TradingPaused(scope, "bench", null)
                        : new TradingResumed(scope, "bench");
                String id = "log-" + (written + i);
                producer.send(new ProducerRecord<>(topic, scope, EventEnvelope.newBuilder().setEventId(id + ":0")
                        .setCommandId(id).setRequestId(id).setAggregateId(scope)
                        .setAggregateType(AggregateType.TRADING_CONTROL).setSequence(seq).setOccurredAt(Instant.now())
                        .setActor(actor).setPayload(payload).build()));
            }
            producer.commitTransaction();
        }
        written += missing;
        return missing;
    }

    /** When the first appended event was written (time-travel queries ask for instants after it). */
    public Instant firstWrittenAt() {
        return firstWrittenAt == null ? created : firstWrittenAt;
    }
}
