package com.tradingcontrol.api.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradingcontrol.api.reads.LogRange;
import com.tradingcontrol.api.reads.LogSource;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Streams {@code trading.events} as NDJSON, one {@code EventEnvelope} per line, with
 * {@code occurredAt} in [from, to]. The read is bounded by the end offsets at request time, so the
 * export terminates on a live log. Lines come partition by partition as the consumer delivers
 * them: each aggregate's events are in order, different aggregates may interleave.
 */
public final class EventsExport {

    /** Kafka timestamps of events come from the command's produce time, which precedes occurredAt. */
    static final Duration TIMESTAMP_MARGIN = Duration.ofMinutes(5);

    private final LogSource log;
    private final ObjectMapper mapper;

    public EventsExport(LogSource log, ObjectMapper mapper) {
        this.log = log;
        this.mapper = mapper;
    }

    /** Writes the matching events to {@code out}; returns how many were written. */
    public long write(Instant from, Instant to, OutputStream out) {
        Deserializer<EventEnvelope> decoder = log.eventDeserializer();
        try (Consumer<String, byte[]> consumer = log.consumer("events-export")) {
            List<TopicPartition> partitions = log.assignAll(consumer, log.eventsTopic());
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, log.timeout());
            Map<TopicPartition, Long> start = start(consumer, partitions, end, from);
            long[] written = {0};
            LogRange.read(consumer, start, end, log.timeout(), record -> {
                EventEnvelope event = decoder.deserialize(record.topic(), record.value());
                Instant at = event.getOccurredAt();
                if ((from == null || !at.isBefore(from)) && (to == null || !at.isAfter(to))) {
                    line(out, event);
                    written[0]++;
                }
                return true;
            });
            out.flush();
            return written[0];
        } catch (IOException e) {
            throw new UncheckedIOException("writing the events export failed", e);
        }
    }

    private void line(OutputStream out, EventEnvelope event) {
        try {
            out.write(mapper.writeValueAsBytes(AvroJson.record(event)));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("writing the events export failed", e);
        }
    }

    private Map<TopicPartition, Long> start(Consumer<String, byte[]> consumer, List<TopicPartition> partitions,
                                            Map<TopicPartition, Long> end, Instant from) {
        if (from == null) {
            return consumer.beginningOffsets(partitions, log.timeout());
        }
        Map<TopicPartition, Long> query = new HashMap<>();
        long at = Math.max(0, from.minus(TIMESTAMP_MARGIN).toEpochMilli());
        partitions.forEach(tp -> query.put(tp, at));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, log.timeout());
        Map<TopicPartition, Long> start = new HashMap<>();
        partitions.forEach(tp -> start.put(tp, found.get(tp) == null ? end.get(tp) : found.get(tp).offset()));
        return start;
    }

}
