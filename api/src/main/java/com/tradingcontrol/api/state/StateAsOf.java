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
        int base = snapshots.size() - 1;
        while (base > 0 && snapshots.get(base).maxOccurredAt() > t) {
            base--;
        }
        Snapshot start = base < 0 ? new Snapshot(Map.of(), Long.MIN_VALUE, Map.of()) : snapshots.get(base);
        boolean toLogEnd = base < 0 || t >= view.maxOccurredAt();
        Map<TopicPartition, Long> end = toLogEnd ? null : lastRelevantEnd(view.chunks(), Math.max(base, 0), t);
        if (!toLogEnd && end == null) {
            return new Result(start.states(), 0);
        }
        return replay(start, end, t);
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

    private Result replay(Snapshot start, Map<TopicPartition, Long> knownEnd, long t) {
        Map<String, AggregateState> states = new HashMap<>(start.states());
        Deserializer<EventEnvelope> decoder = log.eventDeserializer();
        long[] replayed = {0};
        try (Consumer<String, byte[]> consumer = log.consumer("state-as-of")) {
            Map<TopicPartition, Long> end = knownEnd;
            if (end == null) {
                List<TopicPartition> partitions = log.assignAll(consumer, log.eventsTopic());
                end = consumer.endOffsets(partitions, log.timeout());
            }
            LogRange.read(consumer, start.positions(), end, log.timeout(), record -> {
                EventEnvelope event = decoder.deserialize(record.topic(), record.value());
                if (event.getOccurredAt().toEpochMilli() <= t) {
                    String id = event.getAggregateId();
                    states.put(id, TradingDomain.evolve(states.get(id), EventMapper.recorded(event)));
                    replayed[0]++;
                }
                return true;
            });
        }
        return new Result(states, replayed[0]);
    }
}
