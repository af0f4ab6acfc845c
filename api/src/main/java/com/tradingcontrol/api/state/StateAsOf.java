package com.tradingcontrol.api.state;

import com.tradingcontrol.api.reads.LogRange;
import com.tradingcontrol.api.reads.LogSource;
import com.tradingcontrol.domain.AggregateState;
import com.tradingcontrol.domain.TradingDomain;
import com.tradingcontrol.codec.EventMapper;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes every aggregate's state as of an instant: the fold, in log order, of every event that
 * occurred at or before it. Starts from the latest snapshot whose events all occurred at or before
 * the instant and folds the later events that did, taken from the index's memory where it holds
 * them and re-read from Kafka where it does not (chunks over the memory budget, and the events the
 * index has not reached yet).
 *
 * <p>No ordering of occurredAt is assumed, neither across partitions nor within one: every event
 * after the snapshot is tested on its own. Chunks whose earliest event is after the instant hold
 * nothing to fold and are skipped; because the log is close to time-ordered, a query folds about
 * one chunk. The log's end is looked up per query, so events written just before it count even
 * when the index has not folded them yet.
 *
 * <p>Records that cannot be decoded or folded are skipped, as the index skips them; the result
 * counts those that may have occurred at or before the instant (the index's and the query's own,
 * each once), so the answer can say it is incomplete instead of being silently wrong.
 */
public final class StateAsOf {

    /**
     * The folded states and how many events were folded on top of the snapshot.
     *
     * @param readFromLog   how many of the events after the snapshot were re-read from Kafka (not memory)
     * @param skippedEvents records that could not be folded and may have occurred at or before the instant:
     *                      when not 0 the states are incomplete
     */
    public record Result(Map<String, AggregateState> states, long replayedEvents, long readFromLog,
                         long skippedEvents) {
        public boolean complete() {
            return skippedEvents == 0;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(StateAsOf.class);

    private static final Snapshot EMPTY = new Snapshot(Map.of(), Long.MIN_VALUE, Map.of());

    private final EventLogIndex index;
    private final LogSource log;
    /** One for all queries: it is thread-safe and caches its Avro readers, which cost to build. */
    private final Deserializer<EventEnvelope> decoder;

    public StateAsOf(EventLogIndex index, LogSource log) {
        this.index = index;
        this.log = log;
        this.decoder = log.eventDeserializer();
    }

    public Result at(Instant asOf) {
        long t = asOf.toEpochMilli();
        EventLogIndex.View view = index.view();
        int base = nearestSnapshot(view.snapshots(), t);
        return log.withConsumer(consumer -> {
            List<TopicPartition> partitions = log.assignAll(consumer, log.eventsTopic());
            Map<TopicPartition, Long> logEnd = consumer.endOffsets(partitions, log.timeout());
            if (base < 0) {
                // The index has not started: everything comes from the log.
                Fold fold = new Fold(EMPTY.states(), t, SkippedEvents.Copy.NONE);
                readLog(consumer, EMPTY.positions(), logEnd, fold);
                return fold.result();
            }
            Fold fold = new Fold(view.snapshots().get(base).states(), t, view.skipped());
            List<Chunk> chunks = view.chunks();
            foldChunks(consumer, chunks.subList(base, lastRelevant(chunks, base, t) + 1), fold);
            Map<TopicPartition, Long> indexed = chunks.get(chunks.size() - 1).end();
            if (!covers(indexed, logEnd)) {
                // The index is behind the log (e.g. right after startup, or events written just now):
                // events it has not seen may have occurred before t in any partition.
                readLog(consumer, indexed, logEnd, fold);
            }
            return fold.result();
        });
    }

    /** The latest snapshot whose events all occurred at or before {@code t} (-1 when there is none yet). */
    private static int nearestSnapshot(List<Snapshot> snapshots, long t) {
        int base = snapshots.size() - 1;
        while (base > 0 && snapshots.get(base).maxOccurredAt() > t) {
            base--;
        }
        return base;
    }

    /** The last chunk (from {@code first} on) holding an event at or before {@code t}; {@code first - 1} if none. */
    private static int lastRelevant(List<Chunk> chunks, int first, long t) {
        int last = first - 1;
        for (int j = first; j < chunks.size(); j++) {
            if (chunks.get(j).minOccurredAt() <= t) {
                last = j;
            }
        }
        return last;
    }

    private static boolean covers(Map<TopicPartition, Long> indexed, Map<TopicPartition, Long> logEnd) {
        return logEnd.entrySet().stream().allMatch(e -> indexed.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    /**
     * Folds consecutive chunks in order. Memory drops events oldest first, so the chunks without
     * events come first; they are re-read from Kafka in one range.
     */
    private void foldChunks(Consumer<String, byte[]> consumer, List<Chunk> chunks, Fold fold) {
        int firstInMemory = 0;
        while (firstInMemory < chunks.size() && !chunks.get(firstInMemory).inMemory()) {
            firstInMemory++;
        }
        if (firstInMemory > 0) {
            readLog(consumer, chunks.get(0).start(), chunks.get(firstInMemory - 1).end(), fold);
        }
        for (Chunk chunk : chunks.subList(firstInMemory, chunks.size())) {
            if (!chunk.inMemory()) {
                throw new IllegalStateException("chunk from " + chunk.start() + " lost its events after a later one");
            }
            fold.memory(chunk.events());
        }
    }

    private void readLog(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> from,
                         Map<TopicPartition, Long> to, Fold fold) {
        LogRange.read(consumer, from, to, log.timeout(), record -> {
            fold.logged(record);
            return true;
        });
    }

    /** The states being folded for one query. */
    private final class Fold {
        private final Map<String, AggregateState> states;
        private final long t;
        private final SkippedEvents.Copy indexSkipped;
        /** Records this query read from Kafka and could not fold, with their occurredAt where known. */
        private final Map<SkippedEvents.Position, Long> logSkipped = new HashMap<>();
        /** Events the index folded but this query could not (the index held them, so they are not in logSkipped). */
        private long memorySkipped;
        private long folded;
        private long fromLog;

        Fold(Map<String, AggregateState> snapshot, long t, SkippedEvents.Copy indexSkipped) {
            this.states = new HashMap<>(snapshot);
            this.t = t;
            this.indexSkipped = indexSkipped;
        }

        /** Only the events at or before t are decoded: their times are kept beside the bytes. */
        void memory(ChunkEvents events) {
            for (int i = 0; i < events.size(); i++) {
                if (events.occurredAt(i) <= t && !apply(decode(events.value(i)))) {
                    memorySkipped++;
                }
            }
        }

        void logged(ConsumerRecord<String, byte[]> record) {
            var position = new SkippedEvents.Position(new TopicPartition(record.topic(), record.partition()),
                    record.offset());
            EventEnvelope event = decode(record.value());
            if (event == null) {
                logSkipped.put(position, SkippedEvents.UNKNOWN_TIME);
            } else if (event.getOccurredAt().toEpochMilli() <= t) {
                if (apply(event)) {
                    fromLog++;
                } else {
                    logSkipped.put(position, event.getOccurredAt().toEpochMilli());
                }
            }
        }

        private EventEnvelope decode(byte[] value) {
            try {
                return decoder.deserialize(log.eventsTopic(), value);
            } catch (RuntimeException e) {
                LOG.debug("time travel cannot decode an event; the answer is marked incomplete", e);
                return null;
            }
        }

        private boolean apply(EventEnvelope event) {
            if (event == null) {
                return false;
            }
            try {
                String id = event.getAggregateId();
                states.put(id, TradingDomain.evolve(states.get(id), EventMapper.recorded(event)));
                folded++;
                return true;
            } catch (RuntimeException e) {
                LOG.debug("time travel cannot fold event {}; the answer is marked incomplete", event.getEventId(), e);
                return false;
            }
        }

        Result result() {
            long skipped = memorySkipped + indexSkipped.atOrBefore(t, logSkipped);
            return new Result(states, folded, fromLog, skipped);
        }
    }
}
