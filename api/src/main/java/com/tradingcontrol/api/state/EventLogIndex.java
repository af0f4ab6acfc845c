package com.tradingcontrol.api.state;

import com.codahale.metrics.MetricRegistry;
import com.tradingcontrol.api.health.ReadPath;
import com.tradingcontrol.api.reads.LogSource;
import com.tradingcontrol.domain.AggregateState;
import com.tradingcontrol.domain.TradingDomain;
import com.tradingcontrol.codec.EventMapper;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Folds {@code trading.events} from the beginning (fed by a {@link LogTail}) with the domain's
 * {@link TradingDomain#evolve} and keeps in-memory {@link Snapshot}s of all aggregate states at
 * intervals, plus per interval ({@link Chunk}) its log positions, time span and the events
 * themselves ({@link ChunkEvents}, serialized). A time-travel query starts from the nearest snapshot
 * and folds the events after it from memory; it reads Kafka only for what memory does not hold.
 *
 * <p>A snapshot is taken after {@code max(snapshotEvery, number of aggregates)} events: copying the
 * state map costs one entry per aggregate, so this keeps the copying cost per event constant and
 * total snapshot memory linear in the log even when there are many aggregates.
 *
 * <p>Memory: the events of closed chunks are kept up to {@code maxEventBytes} (value bytes plus 12
 * bytes per event); beyond it the oldest chunks drop their events and queries about them re-read
 * those chunks from Kafka. Snapshots are not bounded by it: they are the index itself.
 *
 * <p>A record that cannot be decoded, or decodes but cannot be folded (an event type this build does
 * not know), is skipped: counted on the index's {@link ReadPath} and remembered in
 * {@link SkippedEvents}, so every answer it may change says it is incomplete.
 */
public final class EventLogIndex implements AutoCloseable {

    /** A consistent copy of the index for one query; the last chunk is the open one, up to the index's position. */
    record View(List<Snapshot> snapshots, List<Chunk> chunks, long maxOccurredAt, long indexedEvents,
                SkippedEvents.Copy skipped) {}

    /** The index's thread; named in the readiness detail when it stops. */
    static final String THREAD = "event-log-index";

    private final LogSource log;
    private final int snapshotEvery;
    private final Map<String, AggregateState> live = new HashMap<>();
    private final List<Snapshot> snapshots = new ArrayList<>();
    private final ClosedChunks chunks;
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private ChunkEvents.Buffer open = new ChunkEvents.Buffer();
    private long openMin = Long.MAX_VALUE;
    private long openCount;
    private long maxOccurredAt = Long.MIN_VALUE;
    private long indexedEvents;
    private final SkippedEvents skipped = new SkippedEvents();
    private final ReadPath path;
    private LogTail tail;

    /**
     * @param snapshotEvery minimum events between snapshots
     * @param maxEventBytes heap for the events of closed chunks; 0 keeps only the open chunk's in memory
     */
    public EventLogIndex(LogSource log, int snapshotEvery, long maxEventBytes) {
        this(log, snapshotEvery, maxEventBytes, new MetricRegistry());
    }

    /** @param metrics where the {@code timetravel} read path's counters are registered */
    public EventLogIndex(LogSource log, int snapshotEvery, long maxEventBytes, MetricRegistry metrics) {
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("snapshotEvery must be >= 1: " + snapshotEvery);
        }
        this.log = log;
        this.snapshotEvery = snapshotEvery;
        this.chunks = new ClosedChunks(maxEventBytes);
        this.path = new ReadPath("timetravel", THREAD, metrics);
    }

    /** What the index skipped, and whether its thread stopped. */
    public ReadPath path() {
        return path;
    }

    /** Starts following the log in the background (once). */
    public synchronized void start() {
        if (tail == null) {
            tail = new LogTail(log, this);
            tail.start();
        }
    }

    public synchronized long indexedEvents() {
        return indexedEvents;
    }

    public synchronized int snapshotCount() {
        return snapshots.size();
    }

    /** Heap held by the events of closed chunks (at most {@code maxEventBytes}). */
    public synchronized long eventBytes() {
        return chunks.eventBytes();
    }

    synchronized View view() {
        List<Chunk> all = chunks.copy();
        if (!snapshots.isEmpty()) {
            all.add(new Chunk(snapshots.get(snapshots.size() - 1).positions(), positions, openMin, open.view()));
        }
        return new View(List.copyOf(snapshots), all, maxOccurredAt, indexedEvents, skipped.copy());
    }

    /** The log starts at {@code begin}: the first snapshot, of no state. */
    synchronized void begin(Map<TopicPartition, Long> begin) {
        positions.putAll(begin);
        snapshots.add(new Snapshot(begin, Long.MIN_VALUE, Map.of()));
    }

    synchronized void fold(ConsumerRecords<String, byte[]> records, Deserializer<EventEnvelope> decoder) {
        for (ConsumerRecord<String, byte[]> record : records) {
            TopicPartition tp = new TopicPartition(record.topic(), record.partition());
            positions.put(tp, record.offset() + 1);
            EventEnvelope event = decode(record, tp, decoder);
            if (event != null && apply(record, tp, event)) {
                append(record.value(), event.getOccurredAt().toEpochMilli());
            }
        }
    }

    private EventEnvelope decode(ConsumerRecord<String, byte[]> record, TopicPartition tp,
                                 Deserializer<EventEnvelope> decoder) {
        try {
            return decoder.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            skip(ReadPath.Skip.UNDECODABLE, record, tp, SkippedEvents.UNKNOWN_TIME, e);
            return null;
        }
    }

    private boolean apply(ConsumerRecord<String, byte[]> record, TopicPartition tp, EventEnvelope event) {
        try {
            String aggregateId = event.getAggregateId();
            live.put(aggregateId, TradingDomain.evolve(live.get(aggregateId), EventMapper.recorded(event)));
            return true;
        } catch (RuntimeException e) {
            skip(ReadPath.Skip.UNAPPLIED, record, tp, event.getOccurredAt().toEpochMilli(), e);
            return false;
        }
    }

    /** One bad record must not stop time travel for the whole log: skipped, counted, and answers marked. */
    private void skip(ReadPath.Skip kind, ConsumerRecord<String, byte[]> record, TopicPartition tp, long at,
                      RuntimeException cause) {
        skipped.add(new SkippedEvents.Position(tp, record.offset()), at);
        path.skipped(kind, tp + "@" + record.offset(), cause);
    }

    private void append(byte[] value, long at) {
        open.append(value, at);
        openMin = Math.min(openMin, at);
        maxOccurredAt = Math.max(maxOccurredAt, at);
        indexedEvents++;
        if (++openCount >= Math.max(snapshotEvery, live.size())) {
            closeChunk();
        }
    }

    /**
     * The tail's consumer reached {@code reached}: nothing foldable lies between the last folded
     * event and it (only transaction markers or aborted records), so the open chunk extends to it.
     */
    synchronized void advance(Map<TopicPartition, Long> reached) {
        reached.forEach((tp, offset) -> positions.merge(tp, offset, Math::max));
    }

    private void closeChunk() {
        Snapshot previous = snapshots.get(snapshots.size() - 1);
        chunks.add(new Chunk(previous.positions(), positions, openMin, open.seal()));
        snapshots.add(new Snapshot(positions, maxOccurredAt, live));
        open = new ChunkEvents.Buffer();
        openMin = Long.MAX_VALUE;
        openCount = 0;
    }

    @Override
    public void close() {
        LogTail t;
        synchronized (this) {
            t = tail;
        }
        if (t != null) {
            t.close();
        }
    }
}
