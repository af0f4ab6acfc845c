package com.tradingcontrol.client.internals;

import com.tradingcontrol.schemas.registry.SchemaRegistryException;
import com.tradingcontrol.schemas.topics.TopicNames;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * The reader thread: assigns every partition of the three state topics (no consumer group), reads
 * them from the beginning, applies each record and publishes a snapshot per batch. It confirms the
 * lease only after the end offsets (the last stable offsets, under read_committed) were fetched
 * and every position had reached them, i.e. after it <em>knows</em> it is caught up. Every failure
 * is logged and counted and the loop goes on (Kafka reconnects by itself); should the thread die
 * anyway, the lease is revoked, so the client fails closed instead of answering from a frozen view.
 * It also reads the fast halt path (see {@link FastPathTopics}, {@link FastHalts}) and settles
 * pending halts after every poll (at most the poll interval apart, records or not), so a passed
 * {@code decideBy} is noticed without any record arriving; a poll's new halts are swapped in before
 * its state records are published, so they never wait for the batch's indexing and notifications.
 */
final class StateReader implements Runnable {

    static final List<String> TOPICS = List.of(TopicNames.CONTROL_STATE, TopicNames.PROFILE_STATE,
            TopicNames.CONFIG_STATE);
    private static final Logger LOG = LoggerFactory.getLogger(StateReader.class);

    private final Consumer<String, byte[]> consumer;
    private final RecordDecoder decoder;
    private final Lease lease;
    private final BiConsumer<StateSnapshot, ChangeSet> publisher;
    private final Runnable caughtUp;
    private final StateFolder folder = new StateFolder();
    private final ReaderTimings timings;
    private final AtomicLong pollErrors = new AtomicLong();
    private final AtomicLong undecodableRecords = new AtomicLong();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final FastHalts halts;
    private final Clock clock;
    private final Duration lookback;
    private final java.util.function.Consumer<FastHalts.Changes> haltPublisher;
    private StateSnapshot published = StateSnapshot.EMPTY;
    private Instant polledAt;
    private volatile boolean closing;
    private volatile boolean alive = true;
    private long lastCheckNanos;
    private long failureStreak;

    StateReader(Consumer<String, byte[]> consumer, RecordDecoder decoder, Lease lease, ReaderTimings timings,
                BiConsumer<StateSnapshot, ChangeSet> publisher, Runnable caughtUp, FastPath fastPath) {
        this.halts = fastPath.halts();
        this.clock = fastPath.clock();
        this.lookback = fastPath.lookback();
        this.haltPublisher = fastPath.publisher();
        this.consumer = consumer;
        this.decoder = decoder;
        this.lease = lease;
        this.timings = timings;
        this.publisher = publisher;
        this.caughtUp = caughtUp;
    }

    /**
     * The fast halt path's part of the reader.
     *
     * @param halts     null: the fast path is off (only the state topics are read)
     * @param clock     the client's clock (decideBy, receivedAt, look-back)
     * @param publisher swaps in a new overlay of pending halts and announces what changed
     */
    record FastPath(FastHalts halts, Clock clock, Duration lookback,
                    java.util.function.Consumer<FastHalts.Changes> publisher) {
    }

    @Override
    public void run() {
        try {
            while (!closing) {
                try {
                    step();
                    recovered();
                } catch (WakeupException | InterruptException e) {
                    if (!closing) {
                        failed(e);
                    }
                } catch (RuntimeException e) {
                    failed(e);
                    backOff();
                }
            }
        } catch (Throwable fatal) {
            LOG.error("control client reader died: every decision stays HALTED/STALE until the client is restarted", fatal);
        } finally {
            alive = false;
            lease.revoke();
            closeConsumer();
            stopped.countDown();
        }
    }

    /** Asks the loop to end (from any thread) and waits up to {@code timeout} for it. */
    boolean stop(Duration timeout) throws InterruptedException {
        closing = true;
        consumer.wakeup();
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isAlive() {
        return alive;
    }

    long pollErrors() {
        return pollErrors.get();
    }

    long undecodableSignals() {
        return halts == null ? 0 : halts.undecodable();
    }

    long haltsRetracted() {
        return halts == null ? 0 : halts.retracted();
    }

    long undecodableRecords() {
        return undecodableRecords.get();
    }

    private void step() {
        if (consumer.assignment().isEmpty()) {
            assignAll();
        }
        ConsumerRecords<String, byte[]> records = consumer.poll(timings.poll());
        polledAt = clock.instant();
        boolean registryFailed = applyAll(records);
        // Halts first: a signal in this batch restricts decide() before the batch's state is indexed and
        // announced (more restrictive only: the overlay is read with the older view until then). Settling
        // again after the new view confirms the halts it carries.
        settleHalts();
        if (lease.everConfirmed() && folder.hasChanges()) {
            publish();
            settleHalts();
        }
        if (registryFailed) {
            throw new SchemaRegistryException("schema registry unavailable; unread records will be retried", null);
        }
        if (lease.nanos() - lastCheckNanos >= timings.checkInterval().toNanos()) {
            confirmIfCaughtUp();
        }
    }

    private void assignAll() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timings.check());
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("state topic " + topic + " does not exist (yet)");
            }
            infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
        }
        List<TopicPartition> fast = halts == null ? List.of() : FastPathTopics.partitions(consumer, timings.check());
        List<TopicPartition> all = new ArrayList<>(partitions);
        all.addAll(fast);
        consumer.assign(all);
        consumer.seekToBeginning(partitions);
        if (!fast.isEmpty()) {
            FastPathTopics.seek(consumer, fast, clock, lookback, timings.check());
        }
        LOG.info("control client reading {} partitions of {} from the beginning{}", partitions.size(), TOPICS,
                fast.isEmpty() ? " (fast halt path off)" : ", and " + FastPathTopics.TOPICS + " from " + lookback + " back");
    }

    /** Confirms or retracts pending halts against what decide() reads now, then swaps in the overlay. */
    private void settleHalts() {
        if (halts == null) {
            return;
        }
        halts.settle(published, clock.instant());
        if (halts.hasChanges()) {
            haltPublisher.accept(halts.drainChanges());
        }
    }

    /** @return true if the registry could not be reached: those partitions were rewound to retry */
    private boolean applyAll(ConsumerRecords<String, byte[]> records) {
        boolean registryFailed = false;
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                try {
                    applyOne(record);
                } catch (SchemaRegistryException e) {
                    LOG.warn("cannot decode {}@{} of {}: schema registry unavailable ({}); will retry",
                            record.key(), record.offset(), partition, e.getMessage());
                    consumer.seek(partition, record.offset());
                    registryFailed = true;
                    break;
                }
            }
        }
        return registryFailed;
    }

    private void applyOne(ConsumerRecord<String, byte[]> record) {
        if (TopicNames.HALT_SIGNALS.equals(record.topic())) {
            halts.signal(record.value(), polledAt, clock.instant());
            return;
        }
        if (TopicNames.COMMAND_OUTCOMES.equals(record.topic())) {
            halts.outcome(record.key(), record.value(), polledAt);
            return;
        }
        String topicKey = record.topic() + "/" + record.key();
        try {
            decoder.apply(folder, record.topic(), record.key(), record.value());
            folder.undecodable(topicKey, false);
        } catch (SerializationException | IllegalArgumentException e) {
            // Fail closed: the latest word on this key is unknown, so the view cannot be trusted
            // until a decodable record (or a tombstone) replaces it.
            undecodableRecords.incrementAndGet();
            folder.undecodable(topicKey, true);
            LOG.error("undecodable record {} at {}-{}@{}: decisions are HALTED/STALE until it is replaced",
                    record.key(), record.topic(), record.partition(), record.offset(), e);
        }
    }

    private void confirmIfCaughtUp() {
        long askedAt = lease.nanos();
        lastCheckNanos = askedAt;
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment(), timings.check());
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey(), timings.check()) < end.getValue()) {
                return;
            }
        }
        if (!lease.everConfirmed() || folder.hasChanges()) {
            publish();
        }
        boolean first = !lease.everConfirmed();
        lease.confirm(askedAt); // only now: the snapshot swapped in above is what "fresh" vouches for
        if (first) {
            LOG.info("control client caught up with {} (view version {}): ready", TOPICS, folder.viewVersion());
            caughtUp.run();
        }
    }

    private void publish() {
        StateSnapshot snapshot = folder.snapshot();
        publisher.accept(snapshot, folder.drainChanges(polledAt == null ? clock.instant() : polledAt));
        published = snapshot;
    }

    private void failed(RuntimeException e) {
        pollErrors.incrementAndGet();
        failureStreak++;
        if (failureStreak == 1) {
            LOG.warn("control client reader failed (it retries; decisions turn HALTED/STALE if this lasts longer "
                    + "than the lease)", e);
        } else {
            LOG.warn("control client reader failed again ({} in a row): {}", failureStreak, e.toString());
        }
    }

    private void recovered() {
        if (failureStreak > 0) {
            LOG.info("control client reader recovered after {} failure(s)", failureStreak);
            failureStreak = 0;
        }
    }

    private void backOff() {
        try {
            stopped.await(timings.backoff().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing = true;
        }
    }

    private void closeConsumer() {
        try {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
        } catch (RuntimeException e) {
            LOG.warn("closing the control client's consumer failed", e);
        }
    }
}
