package com.tradingcontrol.api.wiring;

import com.codahale.metrics.MetricRegistry;
import com.tradingcontrol.api.health.ReadPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every partition of one topic on its own thread (assigned, not subscribed: every API
 * instance needs all records, and no group coordination means nothing to rebalance or to commit).
 * Broker outages are ridden out: the consumer reconnects and continues from its position. A record
 * that cannot be decoded or handled is skipped and counted on the follower's {@link ReadPath}; any
 * other failure ends the thread, which the path records (readiness DOWN, one ERROR).
 */
public final class TopicFollower<K, V> implements AutoCloseable {
    /** Where to start at start-up. */
    public enum Start { BEGINNING, END }

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration BACKOFF = Duration.ofMillis(500);

    private final String name;
    private final Consumer<K, V> consumer;
    private final String topic;
    private final BiConsumer<K, V> handler;
    private final Thread thread;
    private final ReadPath path;
    private volatile boolean closed;
    private volatile boolean caughtUp;
    private volatile boolean window;
    private volatile boolean windowDone;
    private volatile Instant lastPoll = Instant.EPOCH;
    private Map<TopicPartition, Long> startEnd = Map.of();

    /** @param metrics where the follower's {@link ReadPath} counters are registered */
    public TopicFollower(String name, Consumer<K, V> consumer, String topic, BiConsumer<K, V> handler,
                         MetricRegistry metrics) {
        this.name = name;
        this.consumer = consumer;
        this.topic = topic;
        this.handler = handler;
        this.thread = new Thread(this::run, "api-follow-" + name);
        this.thread.setDaemon(true);
        this.path = new ReadPath(name, thread.getName(), metrics);
    }

    /** Assigns all partitions and resolves the start positions before returning, then starts polling. */
    public void start(Start start, Duration timeout) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " has no partitions (does it exist?)");
        }
        consumer.assign(partitions);
        if (start == Start.END) {
            consumer.seekToEnd(partitions);
        } else {
            consumer.seekToBeginning(partitions);
        }
        // Resolving positions now means "from the end" is the end as of start-up, not of the first poll:
        // a command submitted right after start-up cannot have its outcome skipped.
        partitions.forEach(partition -> consumer.position(partition, timeout));
        startEnd = consumer.endOffsets(partitions, timeout);
        thread.start();
    }

    /**
     * Like {@link #start}, from the first record written at or after {@code since} in each partition (the
     * end where there is none): a bounded window of a long-retained topic, e.g. recent engine reports.
     */
    public void startFrom(Instant since, Duration timeout) {
        seekTo(since, timeout);
        thread.start();
    }

    /**
     * Reads a window and stops: from the first record written at or after {@code since} to the end as of this
     * call, then the thread ends and closes its consumer, and the follower counts as {@link #running} (its work
     * is done, nothing failed). For history another follower continues live: the engine fold's outcomes of
     * {@code engines.lookback}, while the command gateway's follower reads on from the end.
     */
    public void readWindow(Instant since, Duration timeout) {
        window = true;
        seekTo(since, timeout);
        thread.start();
    }

    private void seekTo(Instant since, Duration timeout) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " has no partitions (does it exist?)");
        }
        consumer.assign(partitions);
        Map<TopicPartition, Long> query = new java.util.HashMap<>();
        partitions.forEach(partition -> query.put(partition, since.toEpochMilli()));
        consumer.offsetsForTimes(query, timeout).forEach((partition, found) -> {
            if (found == null) {
                consumer.seekToEnd(List.of(partition));
            } else {
                consumer.seek(partition, found.offset());
            }
        });
        partitions.forEach(partition -> consumer.position(partition, timeout));
        startEnd = consumer.endOffsets(partitions, timeout);
    }

    private void run() {
        try {
            while (!closed) {
                pollOnce();
                if (window && caughtUp) {
                    consumer.close(Duration.ofSeconds(5));
                    windowDone = true;
                    return;
                }
            }
        } catch (RuntimeException | Error e) {
            // Not a bad record (those are skipped) nor a broker outage (ridden out): nothing reads on.
            path.stopped(e);
        }
    }

    private void pollOnce() {
        try {
            var records = consumer.poll(POLL);
            for (ConsumerRecord<K, V> record : records) {
                handle(record);
            }
            lastPoll = Instant.now();
            if (!caughtUp) {
                caughtUp = startEnd.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        } catch (RecordDeserializationException e) {
            path.skipped(ReadPath.Skip.UNDECODABLE, e.topicPartition() + "@" + e.offset(), e);
            consumer.seek(e.topicPartition(), e.offset() + 1);
        } catch (WakeupException e) {
            if (!closed) {
                LOG.warn("Follower {} woken up unexpectedly; continuing", name);
            }
        } catch (KafkaException e) {
            LOG.warn("Follower {} of {} failed to poll; retrying in {}", name, topic, BACKOFF, e);
            sleep();
        }
    }

    /** A record the handler cannot take is skipped and counted: one bad record must not stop the feed. */
    private void handle(ConsumerRecord<K, V> record) {
        try {
            handler.accept(record.key(), record.value());
        } catch (RuntimeException e) {
            path.skipped(ReadPath.Skip.UNAPPLIED, record.topic() + "-" + record.partition() + "@" + record.offset(), e);
        }
    }

    private void sleep() {
        try {
            Thread.sleep(BACKOFF.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (!closed) {
                path.stopped(e);
                closed = true;
            }
        }
    }

    /** Read everything that was in the topic at start-up. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** Polling, or (for {@link #readWindow}) done reading its window; false once the thread stopped otherwise. */
    public boolean running() {
        return windowDone || thread.isAlive() && !closed;
    }

    /** What this follower skipped, and whether its thread stopped. */
    public ReadPath path() {
        return path;
    }

    public Instant lastPoll() {
        return lastPoll;
    }

    public String name() {
        return name;
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        if (windowDone) {
            return;  // the thread closed its consumer
        }
        consumer.wakeup();
        thread.join(Duration.ofSeconds(10).toMillis());
        if (!windowDone) {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
