package com.tradingcontrol.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;

/**
 * What the broker alone does in this run: produce→consume round trip of one record at a time
 * (acks=all, idempotent, linger 0, read_committed consumer polling the same topic) and the raw
 * producer throughput of command-sized records. Every platform figure is divided by these.
 */
public final class RawKafkaBaseline {

    public static final String ROUND_TRIP = "raw_kafka_roundtrip";
    public static final String THROUGHPUT = "raw_kafka_produce_throughput";
    public static final String TXN_ROUND_TRIP = "raw_kafka_txn_roundtrip";
    private static final String TOPIC = "bench.raw";

    private static final int TXN_WARM_UP = 50;

    private final String bootstrap;

    public RawKafkaBaseline(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Round trips for at least {@code warmupSeconds} (and 50) first, excluded from the figure. */
    public void run(Report report, int roundTrips, int seconds, int warmupSeconds) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(java.util.List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        }
        report.add(roundTrip(roundTrips, warmupSeconds));
        report.add(transactionalRoundTrip(Math.max(1, roundTrips / 2)));
        report.add(throughput(seconds));
    }

    private Figure roundTrip(int count, int warmupSeconds) {
        Latencies latencies = new Latencies();
        try (KafkaProducer<Long, byte[]> producer = new KafkaProducer<>(KafkaSupport.latencyProducer(bootstrap),
                new LongSerializer(), new ByteArraySerializer());
             KafkaConsumer<Long, byte[]> consumer = new KafkaConsumer<>(KafkaSupport.committedReader(bootstrap),
                     new LongDeserializer(), new ByteArrayDeserializer())) {
            KafkaSupport.assignAtEnd(consumer, TOPIC);
            byte[] payload = new byte[200];
            long warmEnd = System.nanoTime() + Duration.ofSeconds(warmupSeconds).toNanos();
            long key = 0;
            for (; key < Math.min(50, count) || System.nanoTime() < warmEnd; key++) {
                producer.send(new ProducerRecord<>(TOPIC, key, payload));
                awaitKey(consumer, key);
            }
            for (long i = 0; i < count; i++, key++) {
                long start = System.nanoTime();
                producer.send(new ProducerRecord<>(TOPIC, key, payload));
                awaitKey(consumer, key);
                latencies.recordSince(start);
            }
        }
        return latencies.figure(ROUND_TRIP, Map.of("records", count, "payloadBytes", 200,
                "warmupSeconds", warmupSeconds));
    }

    /**
     * What exactly-once costs on this broker before any processing: one record per transaction (begin,
     * send, commit) until a read_committed consumer sees it, one at a time like the halt scenario. The
     * halt figures' "decided → state topic" stage is this plus waiting for the commit interval.
     */
    private Figure transactionalRoundTrip(int count) {
        Latencies latencies = new Latencies();
        Latencies commits = new Latencies();
        Properties props = KafkaSupport.latencyProducer(bootstrap);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bench-raw-txn");
        try (KafkaProducer<Long, byte[]> producer = new KafkaProducer<>(props, new LongSerializer(),
                new ByteArraySerializer());
             KafkaConsumer<Long, byte[]> consumer = new KafkaConsumer<>(KafkaSupport.committedReader(bootstrap),
                     new LongDeserializer(), new ByteArrayDeserializer())) {
            producer.initTransactions();
            KafkaSupport.assignAtEnd(consumer, TOPIC);
            byte[] payload = new byte[200];
            for (long i = 0; i < count + TXN_WARM_UP; i++) {
                long key = -1 - i;
                long start = System.nanoTime();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(TOPIC, key, payload));
                long commitStart = System.nanoTime();
                producer.commitTransaction();
                long committed = System.nanoTime();
                awaitKey(consumer, key);
                if (i >= TXN_WARM_UP) {
                    latencies.recordSince(start);
                    commits.recordNanos(committed - commitStart);
                }
            }
        }
        Figure commit = commits.figure("commit", Map.of());
        return latencies.figure(TXN_ROUND_TRIP, Map.of("records", count, "payloadBytes", 200,
                "commitTransaction_p50_ms", commit.p50(), "commitTransaction_p99_ms", commit.p99()));
    }

    private static void awaitKey(KafkaConsumer<Long, byte[]> consumer, long key) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<Long, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                if (r.key() == key) {
                    return;
                }
            }
        }
        throw new IllegalStateException("record " + key + " did not come back within 30 s");
    }

    private Figure throughput(int seconds) throws InterruptedException {
        Properties props = KafkaSupport.throughputProducer(bootstrap);
        RateSamples samples = new RateSamples();
        AtomicLong acked = new AtomicLong();
        try (KafkaProducer<Long, byte[]> producer = new KafkaProducer<>(props, new LongSerializer(),
                new ByteArraySerializer())) {
            byte[] payload = new byte[200];
            long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            long nextSample = System.nanoTime() + 1_000_000_000L;
            long lastAcked = 0;
            for (long i = 0; System.nanoTime() < end; i++) {
                producer.send(new ProducerRecord<>(TOPIC, i, payload), (m, e) -> {
                    if (e == null) {
                        acked.incrementAndGet();
                    }
                });
                if (System.nanoTime() >= nextSample) {
                    long now = acked.get();
                    samples.add(now - lastAcked);
                    lastAcked = now;
                    nextSample += 1_000_000_000L;
                }
            }
            producer.flush();
        }
        return samples.figure(THROUGHPUT, "records/s", Map.of("payloadBytes", 200, "seconds", seconds,
                "totalAcked", acked.get()));
    }
}
