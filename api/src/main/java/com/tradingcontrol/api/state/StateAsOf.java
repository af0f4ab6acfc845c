package com.tradingcontrol.api.state;

import com.tradingcontrol.api.reads.LogRange;
import com.tradingcontrol.api.reads.LogSource;
import com.tradingcontrol.processors.domain.AggregateState;
import com.tradingcontrol.processors.domain.TradingDomain;
import com.tradingcontrol.processors.topology.EventMapper;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Computes every aggregate's state as of an instant from the event log: the latest snapshot whose
 * events all occurred at or before the instant, plus the later events that occurred at or before it,
 * re-read from Kafka. Events of one aggregate are in one partition in order and their occurredAt
 * does not decrease, so folding "the events at or before t" per aggregate is folding a prefix.
 *
 * <p>Chunks whose earliest event is after the instant are not read; because the log is close to
 * time-ordered, a query reads about one chunk. When the instant is at or after the latest indexed
 * event the read goes to the log's current end, so events the index has not reached yet count too.
 */
public final class StateAsOf {

    /** The folded states and how many events had to be replayed on top of the snapshot. */
    public record Result(Map<String, AggregateState> states, long replayedEvents) {}

    private final EventLogIndex index;
    private final LogSource log;

    public StateAsOf(EventLogIndex index, LogSource log) {
        this.index = index;
        this.log = log;
    }

    public Result at(Instant asOf) {
        long t = asOf.toEpochMilli();
        EventLogIndex.View view = index.view();
        List<Snapshot> snapshots = view.snapshots();
        int base = nearestSnapshot(snapshots, t);
        Snapshot start = base < 0 ? new Snapshot(Map.of(), Long.MIN_VALUE, Map.of()) : snapshots.get(base);
        return log.withConsumer(consumer -> {
            List<TopicPartition> partitions = log.assignAll(consumer, log.eventsTopic());
            Map<TopicPartition, Long> logEnd = consumer.endOffsets(partitions, log.timeout());
            // While the index is behind the log (e.g. right after startup), events it has not seen may
            // have occurred before t in any partition, so the whole rest of the log is read.
            boolean toLogEnd = base < 0 || t >= view.maxOccurredAt() || !caughtUp(view, logEnd);
            Map<TopicPartition, Long> end = toLogEnd ? logEnd : lastRelevantEnd(view.chunks(), base, t);
            if (end == null) {
                return new Result(start.states(), 0);
            }
            return replay(consumer, start, end, t);
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

    private static boolean caughtUp(EventLogIndex.View view, Map<TopicPartition, Long> logEnd) {
        if (view.chunks().isEmpty()) {
            return false;
        }
        Map<TopicPartition, Long> indexed = view.chunks().get(view.chunks().size() - 1).end();
        return logEnd.entrySet().stream().allMatch(e -> indexed.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    /** End positions of the last chunk (from {@code first} on) holding an event at or before {@code t}. */
    private static Map<TopicPartition, Long> lastRelevantEnd(List<Chunk> chunks, int first, long t) {
        Map<TopicPartition, Long> end = null;
        for (int j = first; j < chunks.size(); j++) {
            if (chunks.get(j).minOccurredAt() <= t) {
                end = chunks.get(j).end();
            }
        }
        return end;
    }

    private Result replay(Consumer<String, byte[]> consumer, Snapshot start, Map<TopicPartition, Long> end, long t) {
        Map<String, AggregateState> states = new HashMap<>(start.states());
        Deserializer<EventEnvelope> decoder = log.eventDeserializer();
        long[] replayed = {0};
        LogRange.read(consumer, start.positions(), end, log.timeout(), record -> {
            EventEnvelope event = decoder.deserialize(record.topic(), record.value());
            if (event.getOccurredAt().toEpochMilli() <= t) {
                String id = event.getAggregateId();
                states.put(id, TradingDomain.evolve(states.get(id), EventMapper.recorded(event)));
                replayed[0]++;
            }
            return true;
        });
        return new Result(states, replayed[0]);
    }
}
