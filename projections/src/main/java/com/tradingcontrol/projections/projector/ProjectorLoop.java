package com.tradingcontrol.projections.projector;

import com.tradingcontrol.projections.store.ProjectionStoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka side of the projector: polls events and audit records as a consumer-group member,
 * writes each poll's records through the {@link RecordProjector} in one store batch, and commits
 * the offsets only after the batch was written. When the store fails it seeks back to the poll's
 * first record, pauses all partitions (polling on, so the group keeps it) and
 * retries after an exponential backoff, reporting DEGRADED until a write succeeds again.
 */
public final class ProjectorLoop implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectorLoop.class);

    private final Consumer<String, byte[]> consumer;
    private final ProjectorTopics topics;
    private final RecordProjector projector;
    private final ProjectorHealth health;
    private final Backoff backoff;
    private final Duration pollTimeout;
    private final Clock clock;
    private final Map<TopicPartition, Long> committed = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean closed;
    private volatile boolean started;
    private Instant retryAt;

    public ProjectorLoop(Consumer<String, byte[]> consumer, ProjectorTopics topics, RecordProjector projector,
                         ProjectorHealth health, Backoff backoff, Duration pollTimeout, Clock clock) {
        this.consumer = consumer;
        this.topics = topics;
        this.projector = projector;
        this.health = health;
        this.backoff = backoff;
        this.pollTimeout = pollTimeout;
        this.clock = clock;
    }

    public ContainerNames names() {
        return projector.names();
    }

    /** Next offset committed per partition by this loop (only partitions it has committed). */
    public Map<TopicPartition, Long> committedOffsets() {
        return Map.copyOf(committed);
    }

    /**
     * Per partition, the offset below which every record has been written and committed (transaction
     * markers included, unlike {@link #committedOffsets()}); what a rebuild compares with end offsets.
     */
    public Map<TopicPartition, Long> positions() {
        return Map.copyOf(positions);
    }

    public long appliedCount() {
        return applied.get();
    }

    public long skippedCount() {
        return skipped.get();
    }

    @Override
    public void run() {
        started = true;
        try {
            consumer.subscribe(topics.both());
            while (!closed) {
                step();
            }
        } catch (WakeupException e) {
            if (!closed) {
                throw e;
            }
        } catch (RuntimeException | Error e) {
            health.failed(e);
            throw e;
        } finally {
            // No commit here: everything written was committed batch by batch, and what was not is redelivered.
            consumer.close();
            finished.countDown();
        }
    }

    private void step() {
        ConsumerRecords<String, byte[]> records = consumer.poll(pollTimeout);
        if (retryAt != null) {
            if (clock.instant().isBefore(retryAt)) {
                holdBack(records);
                // Partitions assigned by a rebalance during the pause are not paused yet.
                consumer.pause(consumer.assignment());
                return;
            }
            retryAt = null;
            consumer.resume(consumer.paused());
            holdBack(records);
            return;
        }
        if (records.isEmpty() || processBatch(records)) {
            recordPositions();
        }
    }

    private void recordPositions() {
        for (TopicPartition tp : consumer.assignment()) {
            try {
                positions.put(tp, consumer.position(tp, Duration.ZERO));
            } catch (org.apache.kafka.common.errors.TimeoutException notPositionedYet) {
                // A just-assigned partition has no position until its offset is looked up; the next poll does that.
                positions.remove(tp);
            }
        }
        positions.keySet().retainAll(consumer.assignment());
    }

    /**
     * Writes the poll's records in one store batch, then commits their offsets.
     *
     * @return true when every record was written and committed
     */
    private boolean processBatch(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        long[] outcomes = new long[2];
        try {
            projector.inBatch(batch -> {
                for (TopicPartition tp : records.partitions()) {
                    List<ConsumerRecord<String, byte[]>> polled = records.records(tp);
                    for (ConsumerRecord<String, byte[]> record : polled) {
                        outcomes[batch.apply(record) == DocumentWriter.Outcome.APPLIED ? 0 : 1]++;
                    }
                    done.put(tp, new OffsetAndMetadata(polled.get(polled.size() - 1).offset() + 1));
                }
                return null;
            });
        } catch (ProjectionStoreException e) {
            // The embedded store rolled the whole batch back; a store without transactions may have kept a
            // prefix of it, which the position guard turns into skips when the batch is delivered again.
            rewind(records, Map.of());
            pauseAfter(e);
            return false;
        }
        applied.addAndGet(outcomes[0]);
        skipped.addAndGet(outcomes[1]);
        boolean committedAll = commit(done);
        backoff.reset();
        health.up();
        return committedAll;
    }

    /** Records polled but not to be processed now go back to be fetched again. */
    private void holdBack(ConsumerRecords<String, byte[]> records) {
        rewind(records, Map.of());
    }

    private void rewind(ConsumerRecords<String, byte[]> records, Map<TopicPartition, OffsetAndMetadata> done) {
        for (TopicPartition tp : records.partitions()) {
            OffsetAndMetadata next = done.get(tp);
            consumer.seek(tp, next != null ? next.offset() : records.records(tp).get(0).offset());
        }
    }

    private void pauseAfter(ProjectionStoreException e) {
        Duration delay = backoff.nextDelay();
        health.degraded(e);
        LOG.warn("store write failed, pausing the projector for {}: {}", delay, e.toString());
        consumer.pause(consumer.assignment());
        retryAt = clock.instant().plus(delay);
    }

    private boolean commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return true;
        }
        try {
            consumer.commitSync(offsets);
            offsets.forEach((tp, om) -> committed.put(tp, om.offset()));
            return true;
        } catch (CommitFailedException e) {
            // The partitions moved to another member during a rebalance; it re-reads from the last
            // committed offset and the position guard turns those redeliveries into no-ops.
            LOG.warn("offset commit lost to a rebalance, records will be redelivered: {}", e.getMessage());
            return false;
        }
    }

    /** Stops polling, lets the loop close its consumer, and waits (bounded) for that. */
    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        if (started) {
            try {
                if (!finished.await(30, TimeUnit.SECONDS)) {
                    LOG.warn("projector loop did not stop within 30s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
