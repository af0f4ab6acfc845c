package com.tradingcontrol.api.state;

import com.tradingcontrol.api.reads.LogSource;
import com.tradingcontrol.api.support.Await;
import com.tradingcontrol.kafka.embedded.SharedEmbeddedKafka;
import com.tradingcontrol.domain.AggregateState;
import com.tradingcontrol.domain.TradingDomain;
import com.tradingcontrol.codec.EventMapper;
import com.tradingcontrol.schemas.avro.Actor;
import com.tradingcontrol.schemas.avro.AggregateType;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.avro.TradingPaused;
import com.tradingcontrol.schemas.avro.TradingResumed;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.serde.AvroSerdes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A {@code trading.events} topic of its own on the embedded broker, with a history whose times are
 * not in log order: each partition has its own skewed clock, one aggregate's clock steps back once,
 * some events share a millisecond, and part of the log is written in transactions (committed and
 * aborted), as the processors write it. Knows the answer by folding what it wrote, independently
 * of the index: every committed event with occurredAt at or before the instant, in write order.
 */
final class TimeTravelLog implements AutoCloseable {

    static final int PARTITIONS = 3;
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    /** Partition p's clock is off by SKEW_MS[p]: the index meets times far apart side by side. */
    private static final long[] SKEW_MS = {0, -40_000, 25_000};

    final String topic = "tt-events-" + UUID.randomUUID();
    final LogSource log;
    private final InProcessSchemaRegistry registry = InProcessSchemaRegistry.inMemory();
    private final Serializer<EventEnvelope> serializer = AvroSerdes.specific(registry, EventEnvelope.class, false).serializer();
    private final List<EventEnvelope> committed = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final long[] clocks = new long[PARTITIONS];
    private final Random random = new Random(7);

    TimeTravelLog() throws Exception {
        String bootstrap = SharedEmbeddedKafka.bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
        }
        for (int p = 0; p < PARTITIONS; p++) {
            clocks[p] = T0.toEpochMilli() + SKEW_MS[p];
        }
        log = new LogSource(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), registry, topic, "unused-audit",
                Duration.ofSeconds(10));
    }

    /** Partition by partition (all of 0 first, then 1, ...): plain writes to 0, one committed and one aborted transaction to the others. */
    void writeHistory(int eventsPerPartition) {
        try (KafkaProducer<String, byte[]> plain = producer(null)) {
            List<EventEnvelope> events = events(0, eventsPerPartition);
            records(0, events).forEach(plain::send);
            plain.flush();
            committed.addAll(events);
        }
        try (KafkaProducer<String, byte[]> tx = producer("tt-" + UUID.randomUUID())) {
            tx.initTransactions();
            for (int p = 1; p < PARTITIONS; p++) {
                inTransaction(tx, p, eventsPerPartition / 4, false);
                inTransaction(tx, p, eventsPerPartition, true);
            }
        }
        awaitTransactionsSettled();
    }

    /** More events on every partition, committed, after the history. */
    void writeMore(int eventsPerPartition) {
        try (KafkaProducer<String, byte[]> tx = producer("tt-" + UUID.randomUUID())) {
            tx.initTransactions();
            for (int p = 0; p < PARTITIONS; p++) {
                inTransaction(tx, p, eventsPerPartition, true);
            }
        }
        awaitTransactionsSettled();
    }

    /** A record of bytes that are no Avro at all (not part of {@link #expected}: nothing can fold it). */
    void writeUndecodable(int partition, byte[] value) {
        try (KafkaProducer<String, byte[]> plain = producer(null)) {
            plain.send(new ProducerRecord<>(topic, partition, "garbage", value));
            plain.flush();
        }
    }

    /**
     * An event that decodes but that no fold of this build can apply: its scope is of a type a later
     * build might add (not part of {@link #expected}).
     */
    void writeUnknownScope(int partition, String scope, Instant at) {
        EventEnvelope event = EventEnvelope.newBuilder().setEventId("future:0").setCommandId("future")
                .setRequestId("future").setAggregateId(scope).setAggregateType(AggregateType.TRADING_CONTROL)
                .setSequence(1).setOccurredAt(at).setActor(new Actor("op-future", null, List.of("operator")))
                .setPayload(new TradingPaused(scope, "from the future", null)).build();
        try (KafkaProducer<String, byte[]> plain = producer(null)) {
            records(partition, List.of(event)).forEach(plain::send);
            plain.flush();
        }
    }

    /**
     * A producer's commitTransaction returns once the coordinator has recorded the decision; the markers
     * that make the records visible to read_committed readers are written to the partitions just after.
     * What {@link #expected} counts as committed is only readable once every partition's last stable
     * offset has reached its end (no transaction left open), so the writes wait for that.
     */
    private void awaitTransactionsSettled() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedEmbeddedKafka.bootstrapServers()))) {
            Await.until("every transaction's markers written", Duration.ofSeconds(30),
                    () -> ends(admin, IsolationLevel.READ_COMMITTED).equals(ends(admin, IsolationLevel.READ_UNCOMMITTED)));
        }
    }

    private Map<Integer, Long> ends(Admin admin, IsolationLevel isolation) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        try {
            Map<Integer, Long> ends = new HashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all().get(10, TimeUnit.SECONDS)
                    .forEach((tp, info) -> ends.put(tp.partition(), info.offset()));
            return ends;
        } catch (Exception e) {
            throw new IllegalStateException("listing the end offsets of " + topic, e);
        }
    }

    int committedEvents() {
        return committed.size();
    }

    /** Every committed event's time, one millisecond either side, and instants before and after all of them. */
    List<Instant> instants() {
        TreeSet<Long> times = new TreeSet<>();
        for (EventEnvelope e : committed) {
            long t = e.getOccurredAt().toEpochMilli();
            times.add(t - 1);
            times.add(t);
            times.add(t + 1);
        }
        times.add(T0.minus(Duration.ofDays(1)).toEpochMilli());
        times.add(T0.plus(Duration.ofDays(1)).toEpochMilli());
        return times.stream().map(Instant::ofEpochMilli).toList();
    }

    /** The full replay: every committed event at or before {@code at}, in write order. */
    Map<String, AggregateState> expected(Instant at) {
        Map<String, AggregateState> states = new HashMap<>();
        for (EventEnvelope e : committed) {
            if (!e.getOccurredAt().isAfter(at)) {
                states.put(e.getAggregateId(), TradingDomain.evolve(states.get(e.getAggregateId()), EventMapper.recorded(e)));
            }
        }
        return states;
    }

    private void inTransaction(KafkaProducer<String, byte[]> tx, int partition, int count, boolean commit) {
        List<EventEnvelope> events = events(partition, count);
        tx.beginTransaction();
        for (ProducerRecord<String, byte[]> r : records(partition, events)) {
            tx.send(r);
        }
        if (commit) {
            tx.commitTransaction();
            committed.addAll(events);
        } else {
            tx.abortTransaction();
            events.forEach(e -> sequences.merge(e.getAggregateId(), -1L, Long::sum));
        }
    }

    /**
     * Events on three aggregates of the partition, each alternating pause and resume; the clock
     * moves 0-20 ms per event (0: shared milliseconds). In partition 0 aggregate "back" gets two
     * events, the second 5 s earlier than the clock, so earlier than the first.
     */
    private List<EventEnvelope> events(int partition, int count) {
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String scope = "tenant:p" + partition + "a" + random.nextInt(3);
            clocks[partition] += random.nextInt(21);
            long at = clocks[partition];
            if (partition == 0 && (i == count / 3 || i == count / 2)) {
                scope = "tenant:back";
                at -= i == count / 2 ? 5_000 : 0;
            }
            long seq = sequences.merge(scope, 1L, Long::sum);
            Object payload = seq % 2 == 1 ? new TradingPaused(scope, "r" + seq, null) : new TradingResumed(scope, "r" + seq);
            String id = UUID.randomUUID().toString();
            events.add(EventEnvelope.newBuilder().setEventId(id + ":0").setCommandId(id).setRequestId(id)
                    .setAggregateId(scope).setAggregateType(AggregateType.TRADING_CONTROL).setSequence(seq)
                    .setOccurredAt(Instant.ofEpochMilli(at)).setActor(new Actor("op-" + partition, null, List.of("operator")))
                    .setPayload(payload).build());
        }
        return events;
    }

    private List<ProducerRecord<String, byte[]>> records(int partition, List<EventEnvelope> events) {
        return events.stream().map(e -> new ProducerRecord<>(topic, partition, e.getAggregateId(),
                serializer.serialize(topic, e))).toList();
    }

    private static KafkaProducer<String, byte[]> producer(String transactionalId) {
        Map<String, Object> config = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedEmbeddedKafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"));
        if (transactionalId != null) {
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public void close() {
        log.close();
        registry.close();
    }
}
