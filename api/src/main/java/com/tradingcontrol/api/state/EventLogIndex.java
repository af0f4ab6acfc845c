package com.tradingcontrol.api.state;

import com.tradingcontrol.api.reads.LogSource;
import com.tradingcontrol.processors.domain.AggregateState;
import com.tradingcontrol.processors.domain.TradingDomain;
import com.tradingcontrol.processors.topology.EventMapper;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tails {@code trading.events} from the beginning, folds every event with the domain's
 * {@link TradingDomain#evolve} and keeps in-memory {@link Snapshot}s of all aggregate states at
 * intervals, plus per interval ({@link Chunk}) only its log positions and time span. A time-travel
 * query starts from the nearest snapshot and re-reads just the events after it from Kafka.
 *
 * <p>A snapshot is taken after {@code max(snapshotEvery, number of aggregates)} events: copying the
 * state map costs one entry per aggregate, so this keeps the copying cost per event constant and
 * total snapshot memory linear in the log even when there are many aggregates. The partitions are
 * those the topic has when the index starts.
 */
public final class EventLogIndex implements AutoCloseable {

    /** A consistent copy of the index for one query. */
    record View(List<Snapshot> snapshots, List<Chunk> chunks, long maxOccurredAt, long indexedEvents) {}

    private static final Logger LOG = LoggerFactory.getLogger(EventLogIndex.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final LogSource log;
    private final int snapshotEvery;
    private final Map<String, AggregateState> live = new HashMap<>();
    private final List<Snapshot> snapshots = new ArrayList<>();
    private final List<Chunk> chunks = new ArrayList<>();
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private long openMin = Long.MAX_VALUE;
    private long openCount;
    private long maxOccurredAt = Long.MIN_VALUE;
    private long indexedEvents;
    private long unusable;
    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;

    public EventLogIndex(LogSource log, int snapshotEvery) {
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("snapshotEvery must be >= 1: " + snapshotEvery);
        }
        this.log = log;
        this.snapshotEvery = snapshotEvery;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "event-log-index");
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized long indexedEvents() {
        return indexedEvents;
    }

    public synchronized int snapshotCount() {
        return snapshots.size();
    }

    synchronized View view() {
        List<Chunk> all = new ArrayList<>(chunks);
        if (!snapshots.isEmpty()) {
            all.add(new Chunk(snapshots.get(snapshots.size() - 1).positions(), positions, openMin));
        }
        return new View(List.copyOf(snapshots), all, maxOccurredAt, indexedEvents);
    }

    private void run() {
        try (Consumer<String, byte[]> c = log.consumer("state-index")) {
            consumer = c;
            Deserializer<EventEnvelope> decoder = log.eventDeserializer();
            List<TopicPartition> partitions = awaitPartitions(c);
            Map<TopicPartition, Long> begin = c.beginningOffsets(partitions, log.timeout());
            c.seekToBeginning(partitions);
            synchronized (this) {
                positions.putAll(begin);
                snapshots.add(new Snapshot(begin, Long.MIN_VALUE, Map.of()));
            }
            while (running) {
                ConsumerRecords<String, byte[]> records = c.poll(POLL);
                if (!records.isEmpty()) {
                    fold(records, decoder);
                }
            }
        } catch (WakeupException stopping) {
            LOG.debug("event log index stopped");
        } catch (RuntimeException e) {
            // The index is a cache of the log: queries still work (slowly, from the last snapshot), so log and stop.
            LOG.error("event log index stopped after {} events", indexedEvents, e);
        }
    }

    private List<TopicPartition> awaitPartitions(Consumer<String, byte[]> c) {
        while (running) {
            List<TopicPartition> partitions = log.assignAll(c, log.eventsTopic());
            if (!partitions.isEmpty()) {
                return partitions;
            }
            sleep(Duration.ofMillis(500));
        }
        throw new WakeupException();
    }

    private synchronized void fold(ConsumerRecords<String, byte[]> records, Deserializer<EventEnvelope> decoder) {
        for (ConsumerRecord<String, byte[]> record : records) {
            positions.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
            EventEnvelope event;
            try {
                event = decoder.deserialize(record.topic(), record.value());
                String aggregateId = event.getAggregateId();
                live.put(aggregateId, TradingDomain.evolve(live.get(aggregateId), EventMapper.recorded(event)));
            } catch (RuntimeException e) {
                // One bad record must not stop time travel for the whole log; it is counted and logged.
                unusable++;
                LOG.error("event at {}-{}@{} cannot be folded; time travel skips it ({} so far)", record.topic(),
                        record.partition(), record.offset(), unusable, e);
                continue;
            }
            long at = event.getOccurredAt().toEpochMilli();
            openMin = Math.min(openMin, at);
            maxOccurredAt = Math.max(maxOccurredAt, at);
            indexedEvents++;
            if (++openCount >= Math.max(snapshotEvery, live.size())) {
                closeChunk();
            }
        }
    }

    private void closeChunk() {
        Snapshot previous = snapshots.get(snapshots.size() - 1);
        chunks.add(new Chunk(previous.positions(), positions, openMin));
        snapshots.add(new Snapshot(positions, maxOccurredAt, live));
        openMin = Long.MAX_VALUE;
        openCount = 0;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }

    @Override
    public void close() {
        running = false;
        Consumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            try {
                t.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
