package com.tradingcontrol.projections.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.projections.store.ContainerSpec;
import com.tradingcontrol.projections.store.NotFoundException;
import com.tradingcontrol.projections.store.Query;
import com.tradingcontrol.projections.store.StoredDocument;
import com.tradingcontrol.projections.store.WriteCondition;
import com.tradingcontrol.projections.testing.SettableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the embedded store has: a file that survives restarts, WAL mode, an in-memory mode, purging. */
class SqliteProjectionStoreFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ContainerSpec CONTAINER = new ContainerSpec("trading-control", "/productId", -1);

    @TempDir
    Path dir;

    @Test
    void documentsEtagsAndContainersSurviveAReopen() {
        Path file = dir.resolve("store.db");
        StoredDocument written;
        try (SqliteProjectionStore store = SqliteProjectionStore.open(file)) {
            store.createContainerIfAbsent(CONTAINER);
            written = store.upsert("trading-control", "p1", doc("a", "p1"), WriteCondition.none());
        }

        try (SqliteProjectionStore reopened = SqliteProjectionStore.open(file)) {
            assertThat(reopened.read("trading-control", "p1", "a")).contains(written);
            reopened.upsert("trading-control", "p1", doc("a", "p1"), WriteCondition.ifMatch(written.etag()));
            assertThat(reopened.query("trading-control", Query.crossPartition()).items()).hasSize(1);
        }
    }

    @Test
    void theFileIsInWalModeSoOtherProcessesCanReadWhileItRuns() throws Exception {
        Path file = dir.resolve("store.db");
        try (SqliteProjectionStore store = SqliteProjectionStore.open(file);
             Connection inspector = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            store.createContainerIfAbsent(CONTAINER);
            store.upsert("trading-control", "p1", doc("a", "p1"), WriteCondition.none());

            try (ResultSet mode = inspector.createStatement().executeQuery("PRAGMA journal_mode");
                 ResultSet count = inspector.createStatement().executeQuery("SELECT count(*) FROM documents")) {
                assertThat(mode.getString(1)).isEqualToIgnoringCase("wal");
                assertThat(count.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void inMemoryStoresArePrivateAndWork() {
        try (SqliteProjectionStore one = SqliteProjectionStore.inMemory();
             SqliteProjectionStore two = SqliteProjectionStore.inMemory()) {
            one.createContainerIfAbsent(CONTAINER);
            one.upsert("trading-control", "p1", doc("a", "p1"), WriteCondition.none());

            assertThat(one.read("trading-control", "p1", "a")).isPresent();
            assertThatThrownBy(() -> two.read("trading-control", "p1", "a")).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void purgeDeletesOnlyExpiredDocumentsAndReadsNeverSeeThem() {
        SettableClock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (SqliteProjectionStore store = SqliteProjectionStore.open(dir.resolve("ttl.db"), clock)) {
            store.createContainerIfAbsent(new ContainerSpec("audit-events", "/productId", 60));
            store.upsert("audit-events", "p1", doc("short", "p1"), WriteCondition.none());
            store.upsert("audit-events", "p1", doc("forever", "p1").put("ttl", -1), WriteCondition.none());

            clock.advance(Duration.ofSeconds(59));
            assertThat(store.read("audit-events", "p1", "short")).isPresent();
            clock.advance(Duration.ofSeconds(2));
            assertThat(store.read("audit-events", "p1", "short")).isEmpty();

            assertThat(store.purgeExpired()).isEqualTo(1);
            assertThat(store.query("audit-events", Query.inPartition("p1")).items()).extracting(StoredDocument::id)
                    .containsExactly("forever");
        }
    }

    @Test
    void unknownContainersAndForeignContinuationTokensAreRejected() {
        try (SqliteProjectionStore store = SqliteProjectionStore.inMemory()) {
            store.createContainerIfAbsent(CONTAINER);

            assertThatThrownBy(() -> store.upsert("nope", "p1", doc("a", "p1"), WriteCondition.none()))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("nope");
            assertThatThrownBy(() -> store.query("trading-control", Query.crossPartition().continuation("not-a-token")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.createContainerIfAbsent(ContainerSpec.of("trading-control", "/scope")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partition key cannot change");
        }
    }

    private static ObjectNode doc(String id, String productId) {
        return JSON.createObjectNode().put("id", id).put("productId", productId);
    }
}
