package com.tradingcontrol.projections.projector;

import static com.tradingcontrol.projections.testing.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.projections.store.sqlite.SqliteProjectionStore;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.avro.TradingPaused;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.serde.AvroSerdes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The projector's policy for an event it does not know (written by newer processors): stop with a clear
 * error, commit nothing past it and change no document, so a projector that knows the event resumes at it.
 */
class UnknownEventPolicyTest {

    private static final ProjectorTopics TOPICS = new ProjectorTopics("events", "audit");
    private static final TopicPartition EVENTS_0 = new TopicPartition("events", 0);

    private final InProcessSchemaRegistry registry = InProcessSchemaRegistry.inMemory();
    private final SqliteProjectionStore store = SqliteProjectionStore.inMemory();
    private final ContainerNames names = new ContainerNames("t-", 1);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aRecordOfANewerEventTypeIsNotDecodedIntoAGuessButStopsTheProjectorWithAClearError() throws Exception {
        RecordProjector projector = projector();
        ConsumerRecord<String, byte[]> future = record(1, newerEvent());

        assertThatThrownBy(() -> projector.apply(future)).isInstanceOf(UnprojectableEventException.class)
                .hasMessageContaining("cannot project record events-0@1")
                .hasMessageContaining("event type newer than this projector")
                .hasMessageContaining("resumes at this record");
    }

    @Test
    void theLoopFailsOnItWithoutCommittingOrWritingAnythingOfThatPoll() throws Exception {
        names.specs().forEach(store::createContainerIfAbsent);
        byte[] known = AvroSerdes.specific(registry, EventEnvelope.class, false).serializer()
                .serialize("events", event("tenant:u1", 1, new TradingPaused("tenant:u1", "known", null)));
        byte[] newer = newerEvent();
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(EVENTS_0));
            consumer.updateBeginningOffsets(Map.of(EVENTS_0, 0L));
            consumer.addRecord(record(0, known));
            consumer.addRecord(record(1, newer));
        });
        ProjectorHealth health = new ProjectorHealth();
        ProjectorLoop loop = new ProjectorLoop(consumer, TOPICS, projector(), health,
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(10)), Duration.ofMillis(10), Clock.systemUTC());

        assertThatThrownBy(loop::run).isInstanceOf(UnprojectableEventException.class);

        assertThat(health.status().state()).isEqualTo(ProjectorHealth.State.FAILED);
        assertThat(health.status().lastError()).startsWith("UnprojectableEventException: cannot project record events-0@1");
        assertThat(loop.committedOffsets()).as("nothing committed: it resumes here").isEmpty();
        assertThat(store.read(names.name(ProjectionContainer.TRADING_CONTROL), "tenant:u1", "tenant:u1"))
                .as("the poll's batch is not written either").isEmpty();
    }

    private RecordProjector projector() {
        return new RecordProjector(TOPICS, registry, new DocumentWriter(store), names);
    }

    private static ConsumerRecord<String, byte[]> record(long offset, byte[] value) {
        return new ConsumerRecord<>("events", 0, offset, "tenant:u1", value);
    }

    /** An event envelope written with a later schema whose payload union has a branch this build lacks. */
    private byte[] newerEvent() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode envelope = (ObjectNode) json.readTree(EventEnvelope.getClassSchema().toString());
        for (JsonNode field : envelope.get("fields")) {
            if (field.get("name").asText().equals("payload")) {
                ((ArrayNode) field.get("type")).add(json.readTree("""
                        {"type": "record", "name": "TradingHalted", "fields": [{"name": "scope", "type": "string"}]}"""));
            }
        }
        Schema newer = new Schema.Parser().parse(envelope.toString());
        GenericRecord halted = new GenericData.Record(newer.getField("payload").schema().getTypes().stream()
                .filter(s -> s.getName().equals("TradingHalted")).findFirst().orElseThrow());
        halted.put("scope", "tenant:u1");
        EventEnvelope known = event("tenant:u1", 2, new TradingPaused("tenant:u1", "x", null));
        GenericRecord record = new GenericData.Record(newer);
        for (Schema.Field field : newer.getFields()) {
            Object value = field.name().equals("payload") ? halted : known.get(field.name());
            // The generic writer takes a timestamp-millis as its long.
            record.put(field.name(), value instanceof java.time.Instant at ? at.toEpochMilli() : value);
        }
        return AvroSerdes.generic(registry, false).serializer().serialize("events", record);
    }
}
