package com.tradingcontrol.processors.topology;

import com.tradingcontrol.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams configuration of the processors.
 *
 * <p>Latency: with exactly-once, results become visible to read_committed readers only when the
 * task's transaction commits. Trading-control commands (halts and their reversal) do not wait for
 * {@code commit.interval.ms}: the processor asks for a commit right after one (see ControlCommits), so
 * the interval only bounds how late ordinary decisions (config, profiles) become visible. It is
 * {@link #DEFAULT_COMMIT_INTERVAL} (Kafka's own exactly-once default) rather than the 10 ms it used to
 * be because a short interval collapses under CPU starvation: each commit costs several broker round
 * trips whatever it carries, so as processing slows each 10 ms holds fewer commands (the bench saw
 * 2-8 per commit and 135-177 commands/s absorbed with the machine loaded from outside). In
 * back-to-back runs under the same outside load, the 10 ms build absorbed 742 of 1,000 commands/s and
 * missed a halt's 5 s deadline; the 100 ms build absorbed all of them and missed none. On a quiet
 * machine the longer interval also raised EOS throughput from ~3,000 to ~5,000 commands/s.
 *
 * <p>Batching: outputs are invisible to read_committed readers until the commit, and the commit
 * flushes the producer first, so holding records back until then costs no visibility. A long
 * {@code linger.ms} with large batches therefore sends a transaction's outputs and changelog writes
 * in about one produce request at the commit instead of one request per record as they are produced
 * (the bench measured the platform's CPU per command halve, and commands/s double, with it).
 */
public final class StreamsSettings {

    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(100);
    public static final Duration DEFAULT_CONTROL_COMMIT_SPACING = Duration.ofMillis(10);
    static final long RETRY_BACKOFF_MS = 2;
    static final long RETRY_BACKOFF_MAX_MS = 50;

    static final int SESSION_TIMEOUT_MS = 10_000;
    static final long STORE_CACHE_BYTES = 16L * 1024 * 1024;
    /** Longer than any commit interval we run with: the commit's flush, not the linger, sends the batch. */
    static final long PRODUCER_LINGER_MS = 1_000;
    static final int PRODUCER_BATCH_BYTES = 256 * 1024;

    private StreamsSettings() {
    }

    /** Half the commit interval (at least 1 ms), so an idle thread commits at most that much late. */
    static long pollMs(Duration commitInterval) {
        return Math.max(1, commitInterval.toMillis() / 2);
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
        // The thread blocks in poll() for up to poll.ms (default 100 ms) when no new input arrives, and it
        // only commits between polls: an idle processor therefore published a lone halt up to 100 ms late
        // whatever commit.interval.ms said (measured: p50 ~43 / p99 ~80 ms at a 10 ms commit interval).
        p.put(StreamsConfig.POLL_MS_CONFIG, Long.toString(pollMs(commitInterval)));
        // Our processor forwards its outputs itself, so the store cache delays no output; it only buffers
        // store writes until the commit, collapsing the per-command changelog writes of hot keys (the
        // audit chain head of a partition is written by every command) into one per transaction.
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, Long.toString(STORE_CACHE_BYTES));
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), Long.toString(PRODUCER_LINGER_MS));
        p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), Integer.toString(PRODUCER_BATCH_BYTES));
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
        // Kafka's 45 s session: a member killed without leaving holds its tasks that long. Static membership
        // (the processor's group.instance.id) lets the same instance take them back at once when it restarts;
        // this bounds the wait when it does not come back and another instance must take over. Heartbeats
        // come from the consumer's own thread, so a busy stream thread does not miss them.
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, Integer.toString(SESSION_TIMEOUT_MS));
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Integer.toString(SESSION_TIMEOUT_MS / 5));
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationHandler.class.getName());
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class.getName());
        // The global control-view updater gets the same policy (anything unexpected fails) instead of the legacy path.
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
        // The partition assignor builds its own StreamsConfig from the main consumer's configs, which
        // carry only consumer keys; without this copy it warns that the flag above is off.
        p.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), "true");
        p.put(DeadLetters.TOPIC_CONFIG, topics.commandsDlq().name());
        // An object, not a string: the handlers are created by Kafka Streams and take it from their configs.
        p.put(DeadLetters.SERIALIZER_CONFIG, topics.commandsDlq().valueSerde().serializer());
        return p;
    }
}
