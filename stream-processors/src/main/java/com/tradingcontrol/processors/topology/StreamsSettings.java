package com.tradingcontrol.processors.topology;

import com.tradingcontrol.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams configuration of the processors.
 *
 * <p>Latency: with exactly-once, results become visible to read_committed readers only when the
 * task's transaction commits, so {@code commit.interval.ms} is the main term of halt latency
 * (issue 3 measured p99 ~130 ms at the default 100 ms and ~37 ms at 10 ms for a trivial topology).
 * HaltLatencyIT measured this topology, command sent to event visible, on the embedded broker of a
 * busy 2-core machine: p50 16 ms / p99 84 ms at 10 ms against p50 ~250 ms / p99 ~590 ms at 100 ms,
 * hence the {@link #DEFAULT_COMMIT_INTERVAL} of 10 ms; the price is one transaction commit per
 * thread every 10 ms, which the crash test (10,000 commands) shows is affordable.
 * {@code linger.ms=0} sends each output at once instead of waiting up to the 5 ms Kafka 4 default
 * for a batch to fill.
 */
public final class StreamsSettings {

    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(10);
    static final long RETRY_BACKOFF_MS = 2;
    static final long RETRY_BACKOFF_MAX_MS = 50;

    private StreamsSettings() {
    }

    /** @param stateDir where RocksDB stores live; each instance on a host needs its own */
    public static Properties properties(String bootstrapServers, String applicationId, Topics topics,
                                        Duration commitInterval, Path stateDir, int threads) {
        Properties p = new Properties();
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(commitInterval.toMillis()));
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(threads));
        // Records are emitted at once; the record cache would only delay forwarding of store updates.
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "0");
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), "0");
        // Under transactions v2 (the Kafka 4 default) a transaction's first send to a partition also enrols
        // it; sent right after the previous commit, it races the coordinator writing that commit's markers
        // and the broker answers CONCURRENT_TRANSACTIONS (the WARN lines), which the producer retries after
        // retry.backoff.ms: 100 ms by default, doubling up to 1 s. At a 10 ms commit interval nearly every
        // transaction paid that, which dominated both halt latency and throughput. The markers take a few
        // ms, so retry after a few ms. The OutOfOrderSequence warnings that come with it are the later
        // in-flight batches of the same partition being refused while the first one is retried; the
        // idempotent producer re-sends them in order, so they are benign too.
        p.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG), Long.toString(RETRY_BACKOFF_MS));
        p.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG),
                Long.toString(RETRY_BACKOFF_MAX_MS));
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationHandler.class.getName());
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class.getName());
        // The global control-view updater gets the same policy (anything unexpected fails) instead of the legacy path.
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
        p.put(DeadLetters.TOPIC_CONFIG, topics.commandsDlq().name());
        // An object, not a string: the handlers are created by Kafka Streams and take it from their configs.
        p.put(DeadLetters.SERIALIZER_CONFIG, topics.commandsDlq().valueSerde().serializer());
        return p;
    }
}
