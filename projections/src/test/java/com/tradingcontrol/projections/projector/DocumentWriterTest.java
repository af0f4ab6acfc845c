package com.tradingcontrol.projections.projector;

import static com.tradingcontrol.projections.testing.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.projections.store.Query;
import com.tradingcontrol.projections.store.StoredDocument;
import com.tradingcontrol.projections.store.WriteCondition;
import com.tradingcontrol.projections.store.sqlite.SqliteProjectionStore;
import com.tradingcontrol.projections.testing.ForwardingStore;
import com.tradingcontrol.projections.testing.TestEvents;
import com.tradingcontrol.schemas.avro.ProfileCreated;
import com.tradingcontrol.schemas.avro.ProfileEnabled;
import com.tradingcontrol.schemas.avro.TradingPaused;
import com.tradingcontrol.schemas.avro.TradingResumed;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DocumentWriterTest {

    private final ContainerNames names = new ContainerNames("t-", 1);
    private SqliteProjectionStore store;
    private DocumentWriter writer;

    @BeforeEach
    void open() {
        store = SqliteProjectionStore.inMemory();
        names.specs().forEach(store::createContainerIfAbsent);
        writer = new DocumentWriter(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ObjectNode stored(ProjectionContainer c, String pk, String id) {
        return store.read(names.name(c), pk, id).map(StoredDocument::body).orElseThrow();
    }

    @Test
    void olderAndEqualPositionsAreSkipped() {
        DocumentUpdate pause = EventFolding.updateFor(event("tenant:u1", 1, new TradingPaused("tenant:u1", "p", null)));
        DocumentUpdate resume = EventFolding.updateFor(event("tenant:u1", 2, new TradingResumed("tenant:u1", "r")));
        assertThat(writer.apply(names, pause)).isEqualTo(DocumentWriter.Outcome.APPLIED);
        assertThat(writer.apply(names, resume)).isEqualTo(DocumentWriter.Outcome.APPLIED);

        assertThat(writer.apply(names, pause)).as("older redelivery").isEqualTo(DocumentWriter.Outcome.SKIPPED);
        assertThat(writer.apply(names, resume)).as("same position again").isEqualTo(DocumentWriter.Outcome.SKIPPED);
        ObjectNode doc = stored(ProjectionContainer.TRADING_CONTROL, "tenant:u1", "tenant:u1");
        assertThat(doc.get("mode").asText()).isEqualTo("ACTIVE");
        assertThat(doc.get("_position").asLong()).isEqualTo(2);
    }

    @Test
    void auditInsertIsIdempotent() {
        DocumentUpdate audit = AuditDocuments.updateFor(
                TestEvents.audit("c-9", "chain-0", 1, "platform", "EngageKillSwitch", "global", Instant.ofEpochMilli(5)));
        assertThat(writer.apply(names, audit)).isEqualTo(DocumentWriter.Outcome.APPLIED);
        assertThat(writer.apply(names, audit)).isEqualTo(DocumentWriter.Outcome.SKIPPED);
        assertThat(writer.apply(names, audit)).isEqualTo(DocumentWriter.Outcome.SKIPPED);
        assertThat(store.query(names.name(ProjectionContainer.AUDIT_EVENTS), Query.crossPartition()).items()).hasSize(1);
        assertThat(stored(ProjectionContainer.AUDIT_EVENTS, "platform", "c-9").get("action").asText())
                .isEqualTo("EngageKillSwitch");
    }

    @Test
    void aRacingWriterIsDetectedAndTheUpdateRetriedOnTheNewerDocument() {
        writer.apply(names, EventFolding.updateFor(event("profile:u1:p", 1, new ProfileCreated("p", "u1", "Pro"))));
        String container = names.name(ProjectionContainer.TRADING_PROFILES);
        AtomicBoolean raced = new AtomicBoolean();
        // Another projector instance writes position 2 between our read and our conditional write.
        ForwardingStore racing = new ForwardingStore(store) {
            @Override
            public StoredDocument upsert(String c, String pk, ObjectNode doc, WriteCondition condition) {
                if (raced.compareAndSet(false, true)) {
                    new DocumentWriter(delegate).apply(names,
                            EventFolding.updateFor(event("profile:u1:p", 2, new ProfileEnabled("p", "u1", "other"))));
                }
                return delegate.upsert(c, pk, doc, condition);
            }
        };
        DocumentUpdate ours = EventFolding.updateFor(event("profile:u1:p", 2, new ProfileEnabled("p", "u1", "ours")));
        assertThat(new DocumentWriter(racing).apply(names, ours)).isEqualTo(DocumentWriter.Outcome.SKIPPED);
        ObjectNode doc = store.read(container, "u1", "p").orElseThrow().body();
        assertThat(doc.get("reason").asText()).isEqualTo("other");
        assertThat(doc.get("_position").asLong()).isEqualTo(2);
        assertThat(doc.get("name").asText()).isEqualTo("Pro");
    }
}
