package com.tradingcontrol.api.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.tradingcontrol.api.health.HealthResource;
import com.tradingcontrol.api.health.ReadinessRegistry;
import com.tradingcontrol.api.health.ReadinessStatus;
import com.tradingcontrol.api.reads.LogSource;
import com.tradingcontrol.api.support.Await;
import com.tradingcontrol.schemas.avro.Actor;
import com.tradingcontrol.schemas.avro.AggregateType;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.avro.TradingPaused;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The time-travel index skips a record it cannot decode and an event it decodes but cannot fold (a
 * payload type this build does not know), counts both (metrics, readiness detail) and remembers
 * where they are, so answers can be marked; a tail whose thread dies takes readiness DOWN.
 */
class EventLogIndexDegradationTest {
    private static final String TOPIC = "events";
    private static final TopicPartition TP = new TopicPartition(TOPIC, 0);
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final InProcessSchemaRegistry registry = InProcessSchemaRegistry.inMemory();
    private final MetricRegistry metrics = new MetricRegistry();
    private EventLogIndex index;

    @AfterEach
    void close() {
        if (index != null) {
            index.close();
        }
        registry.close();
    }

    private LogSource log(Map<String, Object> consumerConfig) {
        return new LogSource(consumerConfig, registry, TOPIC, "audit", Duration.ofSeconds(1));
    }

    /** Values are names: "garbage" cannot be decoded, "future" decodes to a payload no fold knows. */
    private static final Deserializer<EventEnvelope> DECODER = (topic, value) -> {
        String name = new String(value, StandardCharsets.UTF_8);
        return switch (name) {
            case "garbage" -> throw new SerializationException("Unknown magic byte!");
            case "future" -> envelope("tenant:a", 3, T0.plusSeconds(30), "a FutureControlEvent payload");
            default -> envelope("tenant:a", Long.parseLong(name), T0.plusSeconds(Long.parseLong(name) * 10),
                    new TradingPaused("tenant:a", "r" + name, null));
        };
    };

    private static EventEnvelope envelope(String scope, long seq, Instant at, Object payload) {
        return EventEnvelope.newBuilder().setEventId("e" + seq).setCommandId("c" + seq).setRequestId("r" + seq)
                .setAggregateId(scope).setAggregateType(AggregateType.TRADING_CONTROL).setSequence(seq)
                .setOccurredAt(at).setActor(new Actor("op", null, List.of("operator"))).setPayload(payload).build();
    }

    private static ConsumerRecords<String, byte[]> records(String... values) {
        List<ConsumerRecord<String, byte[]>> list = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            list.add(new ConsumerRecord<>(TOPIC, 0, i, "tenant:a", values[i].getBytes(StandardCharsets.UTF_8)));
        }
        return new ConsumerRecords<>(Map.of(TP, list), Map.of());
    }

    @Test
    void anUndecodableRecordAndAnUnknownEventAreSkippedCountedAndRemembered() {
        index = new EventLogIndex(log(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1")), 100, 1 << 20,
                metrics);
        index.begin(Map.of(TP, 0L));
        index.fold(records("1", "garbage", "future", "4"), DECODER);

        assertThat(index.indexedEvents()).as("the two good events are folded").isEqualTo(2);
        assertThat(index.path().undecodable()).isEqualTo(1);
        assertThat(index.path().unapplied()).isEqualTo(1);
        assertThat(metrics.counter("readPaths.timetravel.undecodable").getCount()).isEqualTo(1);
        assertThat(metrics.counter("readPaths.timetravel.unapplied").getCount()).isEqualTo(1);
        ReadinessStatus status = index.path().readinessCheck().check();
        assertThat(status.ready()).as("skipping does not stop the API").isTrue();
        assertThat(status.detail()).startsWith("timetravel: 2 record(s) skipped (1 undecodable, 1 unapplied)")
                .contains("unapplied events-0@2: unknown event payload a FutureControlEvent payload");

        SkippedEvents.Copy skipped = index.view().skipped();
        assertThat(skipped.remembered()).containsOnlyKeys(new SkippedEvents.Position(TP, 1), new SkippedEvents.Position(TP, 2));
        assertThat(skipped.atOrBefore(T0.plusSeconds(29).toEpochMilli(), Map.of()))
                .as("before the unknown event only the undecodable one (time unknown) may count").isEqualTo(1);
        assertThat(skipped.atOrBefore(T0.plusSeconds(30).toEpochMilli(), Map.of())).isEqualTo(2);
        assertThat(skipped.atOrBefore(T0.plusSeconds(30).toEpochMilli(),
                Map.of(new SkippedEvents.Position(TP, 1), SkippedEvents.UNKNOWN_TIME)))
                .as("a query that skips the same record again counts it once").isEqualTo(2);
    }

    @Test
    void aTailWhoseThreadDiesTakesReadinessDownNamingTheThreadAndTheCause() {
        // A failing dependency: the consumer cannot even be created.
        index = new EventLogIndex(log(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1",
                "security.protocol", "NOT_A_PROTOCOL")), 100, 1 << 20, metrics);
        ReadinessRegistry readiness = new ReadinessRegistry(Duration.ofSeconds(5));
        readiness.register(index.path().readinessCheck());
        assertThat(readiness.evaluate().get("timetravel").ready()).isTrue();

        index.start();

        Await.until("the tail's stop is recorded", Duration.ofSeconds(10), () -> index.path().hasStopped());
        ReadinessStatus status = readiness.evaluate().get("timetravel");
        assertThat(status.ready()).isFalse();
        assertThat(status.detail()).startsWith("thread event-log-index stopped: ").contains("NOT_A_PROTOCOL");
        try (Response ready = new HealthResource(readiness).ready()) {
            assertThat(ready.getStatus()).isEqualTo(503);
        } finally {
            readiness.close();
        }
        assertThat(metrics.getGauges().get("readPaths.timetravel.stopped").getValue()).isEqualTo(1);
    }
}
