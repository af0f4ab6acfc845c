package com.tradingcontrol.projections.rebuild;

import static com.tradingcontrol.projections.testing.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.projections.projector.AuditDocuments;
import com.tradingcontrol.projections.projector.ContainerNames;
import com.tradingcontrol.projections.projector.DocumentIds;
import com.tradingcontrol.projections.projector.DocumentWriter;
import com.tradingcontrol.projections.projector.EventFolding;
import com.tradingcontrol.projections.projector.ProjectionContainer;
import com.tradingcontrol.projections.store.ProjectionStore;
import com.tradingcontrol.projections.store.StoredDocument;
import com.tradingcontrol.projections.store.WriteCondition;
import com.tradingcontrol.projections.store.sqlite.SqliteProjectionStore;
import com.tradingcontrol.projections.testing.ForwardingStore;
import com.tradingcontrol.projections.testing.TestEvents;
import com.tradingcontrol.schemas.avro.ConfigUpdated;
import com.tradingcontrol.schemas.avro.TradingPaused;
import com.tradingcontrol.schemas.avro.TradingResumed;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole-container listings ({@code controlScopes}, {@code configs}) on a file store, as the API
 * reads them: kept while their container is unchanged whatever else is written, never stale after a
 * write to it, and re-read at the cost of what changed.
 */
class ActiveProjectionListingTest {

    private static final ContainerNames V1 = new ContainerNames("a-", 1);

    @TempDir
    Path dir;
    private SqliteProjectionStore store;
    private DocumentWriter writer;
    private ProjectionMeta meta;
    private ReadCountingStore counting;
    private ActiveProjection reader;

    @BeforeEach
    void open() {
        store = SqliteProjectionStore.open(dir.resolve("store.db"));
        writer = new DocumentWriter(store);
        meta = new ProjectionMeta(store, "a-", Clock.systemUTC());
        meta.initialize("g");
        counting = new ReadCountingStore(store, true);
        reader = new ActiveProjection(counting, "a-", Duration.ofHours(1));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aListingIsServedFromMemoryWhileOtherContainersAreWritten() {
        pause(V1, "global", 1, "first");
        assertThat(reasons(reader.controlScopes())).containsExactly("first");
        List<ObjectNode> listed = reader.controlScopes();

        for (int i = 1; i <= 3; i++) {
            writer.apply(V1, AuditDocuments.updateFor(TestEvents.audit("c" + i, "chain-0", i, "u1", "PauseTrading",
                    "global", Instant.ofEpochMilli(i * 1000L))));
            writer.apply(V1, EventFolding.updateFor(event("config:k", i, new ConfigUpdated("k", (long) i, null, ""))));
        }

        assertThat(reader.controlScopes()).as("the same listing, not a copy").isSameAs(listed);
        assertThat(counting.reads(V1, ProjectionContainer.TRADING_CONTROL)).as("read once").isEqualTo(1);
        assertThat(reader.configs()).extracting(d -> d.get("value").asLong()).containsExactly(3L);
    }

    @Test
    void aWriteToTheContainerShowsInTheNextListingAndOnlyTheChangedDocumentIsReadAnew() {
        pause(V1, "global", 1, "first");
        pause(V1, "tenant:u1", 1, "one");
        pause(V1, "tenant:u2", 1, "two");
        List<ObjectNode> before = reader.controlScopes();

        pause(V1, "tenant:u1", 2, "one again");
        List<ObjectNode> after = reader.controlScopes();

        assertThat(reasons(after)).containsExactly("first", "one again", "two");
        assertThat(after.get(0)).as("unchanged: the same instance").isSameAs(before.get(0));
        assertThat(after.get(2)).as("unchanged: the same instance").isSameAs(before.get(2));
        assertThat(after.get(1)).isNotSameAs(before.get(1));
        assertThat(before.get(1).get("pauseReason").asText()).as("the old listing is left as it was").isEqualTo("one");
        assertThat(counting.reads(V1, ProjectionContainer.TRADING_CONTROL)).isEqualTo(2);
    }

    @Test
    void aDocumentChangedInPlaceShowsItsNewContentAndADeletedOneDisappears() {
        pause(V1, "global", 1, "first");
        pause(V1, "tenant:u1", 1, "one");
        assertThat(reader.controlScopes()).hasSize(2);

        writer.apply(V1, EventFolding.updateFor(event("global", 2, new TradingResumed("global", "over"))));
        assertThat(reader.controlScopes()).extracting(d -> d.get("paused").asBoolean()).containsExactly(false, true);

        store.delete(V1.name(ProjectionContainer.TRADING_CONTROL), "tenant:u1", DocumentIds.of("tenant:u1"),
                WriteCondition.none());
        assertThat(reader.controlScopes()).extracting(d -> d.get("scope").asText()).containsExactly("global");
    }

    @Test
    void anotherProcesssWriteToTheContainerShowsInTheNextListing() {
        pause(V1, "global", 1, "first");
        assertThat(reasons(reader.controlScopes())).containsExactly("first");

        try (SqliteProjectionStore other = SqliteProjectionStore.open(dir.resolve("store.db"))) {
            new DocumentWriter(other).apply(V1, EventFolding.updateFor(
                    event("global", 2, new TradingPaused("global", "from elsewhere", null))));
        }

        assertThat(reasons(reader.controlScopes())).containsExactly("from elsewhere");
    }

    @Test
    void aRebuildSwitchServesTheNewVersionsListing() {
        pause(V1, "global", 1, "old");
        assertThat(reasons(reader.controlScopes())).containsExactly("old");
        ProjectionPointer building = meta.beginBuild(meta.read().orElseThrow(), 2, "g-v2");
        ContainerNames v2 = V1.withVersion(2);
        meta.createContainers(v2);
        pause(v2, "global", 1, "new");
        assertThat(reasons(reader.controlScopes())).as("v1 still active").containsExactly("old");

        meta.activateBuilt(building);
        ActiveProjection fresh = new ActiveProjection(counting, "a-", Duration.ZERO);
        assertThat(reasons(fresh.controlScopes())).as("a reader that re-reads the pointer").containsExactly("new");
        meta.dropContainers(V1);
        // The first reader still has v1 cached as active for an hour; the dropped container makes it re-resolve.
        assertThat(reasons(reader.controlScopes())).containsExactly("new");
        assertThat(reader.activeVersion()).isEqualTo(2);
    }

    @Test
    void aStoreWithoutAChangeTokenIsReadEveryTime() {
        ReadCountingStore noToken = new ReadCountingStore(store, false);
        ActiveProjection uncached = new ActiveProjection(noToken, "a-", Duration.ofHours(1));
        uncached.configs();
        uncached.configs();
        assertThat(noToken.reads(V1, ProjectionContainer.DYNAMIC_CONFIG)).isEqualTo(2);
    }

    private void pause(ContainerNames names, String scope, long sequence, String reason) {
        writer.apply(names, EventFolding.updateFor(event(scope, sequence, new TradingPaused(scope, reason, null))));
    }

    private static List<String> reasons(List<ObjectNode> docs) {
        return docs.stream().map(d -> d.get("pauseReason").asText()).toList();
    }

    /** Counts whole-container reads; without a change token it answers as a store that has none (Cosmos). */
    private static final class ReadCountingStore extends ForwardingStore {
        private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
        private final boolean changeToken;

        ReadCountingStore(ProjectionStore delegate, boolean changeToken) {
            super(delegate);
            this.changeToken = changeToken;
        }

        int reads(ContainerNames names, ProjectionContainer container) {
            return reads.getOrDefault(names.name(container), new AtomicInteger()).get();
        }

        @Override
        public List<StoredDocument> readAll(String container, Map<String, StoredDocument> knownByEtag) {
            reads.computeIfAbsent(container, c -> new AtomicInteger()).incrementAndGet();
            return super.readAll(container, knownByEtag);
        }

        @Override
        public OptionalLong changeToken() {
            return changeToken ? super.changeToken() : OptionalLong.empty();
        }

        @Override
        public OptionalLong changeToken(String container) {
            return changeToken ? super.changeToken(container) : OptionalLong.empty();
        }
    }
}
