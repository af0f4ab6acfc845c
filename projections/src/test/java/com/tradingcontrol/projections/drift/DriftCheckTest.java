package com.tradingcontrol.projections.drift;

import static com.tradingcontrol.projections.testing.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.projections.projector.ContainerNames;
import com.tradingcontrol.projections.projector.DocumentWriter;
import com.tradingcontrol.projections.projector.ProjectionContainer;
import com.tradingcontrol.projections.projector.ProjectorTopics;
import com.tradingcontrol.projections.projector.RecordProjector;
import com.tradingcontrol.projections.store.StoredDocument;
import com.tradingcontrol.projections.store.WriteCondition;
import com.tradingcontrol.projections.store.sqlite.SqliteProjectionStore;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.avro.KillSwitchEngaged;
import com.tradingcontrol.schemas.avro.MaintenanceModeChanged;
import com.tradingcontrol.schemas.avro.ReduceOnlySet;
import com.tradingcontrol.schemas.avro.TradingPaused;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.serde.AvroSerdes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The drift check compares the projection with the domain's own fold of the log. */
class DriftCheckTest {

    private static final ProjectorTopics TOPICS = new ProjectorTopics("events", "audit");

    private final InProcessSchemaRegistry registry = InProcessSchemaRegistry.inMemory();
    private final SqliteProjectionStore actual = SqliteProjectionStore.inMemory();
    private final ContainerNames names = new ContainerNames("t-", 1);
    private final RecordProjector projector = new RecordProjector(TOPICS, registry, new DocumentWriter(actual), names);
    private final List<ConsumerRecord<String, byte[]>> log = new ArrayList<>();

    @AfterEach
    void close() {
        actual.close();
    }

    @Test
    void aProjectionMadeByTheProjectorMatchesTheDomainsFoldOfTheLog() {
        writeLog();
        log.forEach(projector::apply);

        DriftReport report = check();

        assertThat(report.differences()).isEmpty();
        assertThat(report.recordsFolded()).isEqualTo(5);
        assertThat(report.documentsCompared()).isEqualTo(2);
    }

    @Test
    void aDocumentThatDisagreesWithTheDomainsFoldIsReportedFieldByField() {
        writeLog();
        log.forEach(projector::apply);
        // What a projector fold that lost the pause under reduce-only would have stored.
        String container = names.name(ProjectionContainer.TRADING_CONTROL);
        StoredDocument stored = actual.read(container, "tenant:u1", "tenant:u1").orElseThrow();
        ObjectNode wrong = stored.body().deepCopy().put("paused", false).put("mode", "REDUCE_ONLY");
        actual.upsert(container, "tenant:u1", wrong, WriteCondition.ifMatch(stored.etag()));

        DriftReport report = check();

        assertThat(report.differences()).extracting(Difference::id, Difference::field, Difference::expected,
                        Difference::actual)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("tenant:u1", "mode", "\"PAUSED\"", "\"REDUCE_ONLY\""),
                        org.assertj.core.groups.Tuple.tuple("tenant:u1", "paused", "true", "false"));
    }

    private DriftReport check() {
        names.specs().forEach(actual::createContainerIfAbsent);
        EventLog source = sink -> {
            log.forEach(sink);
            return Map.of(new TopicPartition("events", 0), (long) log.size());
        };
        return new DriftCheck(source, projector).check(actual, names);
    }

    private void writeLog() {
        names.specs().forEach(actual::createContainerIfAbsent);
        Instant until = Instant.parse("2030-01-01T00:00:00Z");
        append(event("tenant:u1", 1, new TradingPaused("tenant:u1", "risk", until)));
        append(event("tenant:u1", 2, new ReduceOnlySet("tenant:u1", "wind down", null)));
        append(event("global", 1, new MaintenanceModeChanged(true, "back at 5", "upgrade")));
        append(event("global", 2, new KillSwitchEngaged("runaway")));
        append(event("global", 3, new MaintenanceModeChanged(false, "", "done")));
    }

    private void append(EventEnvelope event) {
        Serializer<EventEnvelope> serializer = AvroSerdes.specific(registry, EventEnvelope.class, false).serializer();
        log.add(new ConsumerRecord<>("events", 0, log.size(), event.getAggregateId(),
                serializer.serialize("events", event)));
    }
}
