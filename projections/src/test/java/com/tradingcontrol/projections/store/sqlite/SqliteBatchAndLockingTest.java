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
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store's batch transactions, and what it leaves locked (nothing) between operations. */
class SqliteBatchAndLockingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ContainerSpec CONTAINER = new ContainerSpec("trading-control", "/productId", -1);

    @TempDir
    Path dir;

    @Test
    void aFailingBatchLeavesNothingBehind() {
        try (SqliteProjectionStore store = SqliteProjectionStore.open(dir.resolve("store.db"))) {
            store.createContainerIfAbsent(CONTAINER);
            StoredDocument before = store.upsert("trading-control", "p1", doc("a", "p1", 1), WriteCondition.none());

            assertThatThrownBy(() -> store.inBatch(batch -> {
                batch.upsert("trading-control", "p1", doc("a", "p1", 2), WriteCondition.ifMatch(before.etag()));
                batch.upsert("trading-control", "p1", doc("b", "p1", 3), WriteCondition.none());
                return batch.upsert("no-such-container", "p1", doc("c", "p1", 4), WriteCondition.none());
            })).isInstanceOf(NotFoundException.class);

            assertThat(store.read("trading-control", "p1", "a")).contains(before);
            assertThat(store.read("trading-control", "p1", "b")).isEmpty();
            // The store is usable again: the failed batch's transaction was rolled back, not left open.
            store.upsert("trading-control", "p1", doc("b", "p1", 5), WriteCondition.ifAbsent());
        }
    }

    @Test
    void aDocumentHandedOverInABatchIsStoredWithoutItsSystemFields() {
        try (SqliteProjectionStore store = SqliteProjectionStore.open(dir.resolve("store.db"))) {
            store.createContainerIfAbsent(CONTAINER);
            store.inBatch(batch -> {
                ObjectNode handed = doc("a", "p1", 1);
                handed.put("_etag", "not-the-store's").put("_rid", "x").put("_ts", 1);
                batch.upsertHandedOver("trading-control", "p1", handed, WriteCondition.ifAbsent());
                assertThat(batch.read("trading-control", "p1", "a").orElseThrow().body().has("_rid")).isFalse();
                return null;
            });

            ObjectNode stored = store.read("trading-control", "p1", "a").orElseThrow().body();
            assertThat(stored.has("_etag") || stored.has("_rid") || stored.has("_ts")).isFalse();
            assertThat(stored).isEqualTo(doc("a", "p1", 1));
        }
    }

    @Test
    void anIdleStoreHoldsNoLockSoAnotherProcessCanWriteTheFile() throws Exception {
        Path file = dir.resolve("store.db");
        try (SqliteProjectionStore store = SqliteProjectionStore.open(file)) {
            store.createContainerIfAbsent(CONTAINER);
            store.upsert("trading-control", "p1", doc("a", "p1", 1), WriteCondition.none());
            store.read("trading-control", "p1", "a");

            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement s = other.createStatement()) {
                s.execute("PRAGMA busy_timeout = 0");
                s.execute("BEGIN IMMEDIATE");
                s.execute("DELETE FROM documents WHERE id = 'a'");
                s.execute("COMMIT");
            }
            try (SqliteProjectionStore second = SqliteProjectionStore.open(file)) {
                second.upsert("trading-control", "p1", doc("b", "p1", 2), WriteCondition.ifAbsent());
            }
            assertThat(store.read("trading-control", "p1", "a")).isEmpty();
            assertThat(store.read("trading-control", "p1", "b")).isPresent();
        }
    }

    @Test
    void readersSeeTheLastCommittedStateWhileABatchIsOpen() throws Exception {
        try (SqliteProjectionStore store = SqliteProjectionStore.open(dir.resolve("store.db"))) {
            store.createContainerIfAbsent(CONTAINER);
            store.upsert("trading-control", "p1", doc("a", "p1", 1), WriteCondition.none());
            CountDownLatch written = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> batch = CompletableFuture.runAsync(() -> store.inBatch(b -> {
                b.upsert("trading-control", "p1", doc("a", "p1", 2), WriteCondition.none());
                written.countDown();
                await(release);
                return null;
            }));
            await(written);

            Optional<StoredDocument> during = store.read("trading-control", "p1", "a");
            int queried = store.query("trading-control", Query.crossPartition()).items().size();
            release.countDown();
            batch.get(30, TimeUnit.SECONDS);

            assertThat(during.orElseThrow().body().get("n").asInt()).isEqualTo(1);
            assertThat(queried).isEqualTo(1);
            assertThat(store.read("trading-control", "p1", "a").orElseThrow().body().get("n").asInt()).isEqualTo(2);
        }
    }

    @Test
    void theChangeTokenMovesOnEveryCommittedWriteFromThisStoreOrAnotherProcessAndOnlyThen() throws Exception {
        Path file = dir.resolve("store.db");
        try (SqliteProjectionStore store = SqliteProjectionStore.open(file)) {
            store.createContainerIfAbsent(CONTAINER);
            long initial = store.changeToken().orElseThrow();
            store.read("trading-control", "p1", "a");
            store.query("trading-control", Query.crossPartition());
            assertThat(store.changeToken()).as("reads change nothing").hasValue(initial);

            store.upsert("trading-control", "p1", doc("a", "p1", 1), WriteCondition.none());
            long afterUpsert = store.changeToken().orElseThrow();
            assertThat(afterUpsert).as("own write through the writer connection").isNotEqualTo(initial);

            store.inBatch(b -> b.upsert("trading-control", "p1", doc("b", "p1", 2), WriteCondition.none()));
            long afterBatch = store.changeToken().orElseThrow();
            assertThat(afterBatch).as("committed batch").isNotEqualTo(afterUpsert);

            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement s = other.createStatement()) {
                s.execute("DELETE FROM documents WHERE id = 'a'");
            }
            assertThat(store.changeToken().orElseThrow()).as("another process's commit").isNotEqualTo(afterBatch);
        }
    }

    @Test
    void anInMemoryStoreCountsItsCommittedWritesButNotFailedOnesOrReads() {
        try (SqliteProjectionStore store = SqliteProjectionStore.inMemory()) {
            store.createContainerIfAbsent(CONTAINER);
            long initial = store.changeToken().orElseThrow();
            store.query("trading-control", Query.crossPartition());
            assertThatThrownBy(() -> store.upsert("trading-control", "p1", doc("a", "p1", 1),
                    WriteCondition.ifMatch("no-such-etag"))).isInstanceOf(RuntimeException.class);
            assertThat(store.changeToken()).hasValue(initial);

            store.inBatch(b -> {
                b.upsert("trading-control", "p1", doc("a", "p1", 1), WriteCondition.none());
                return b.upsert("trading-control", "p1", doc("b", "p1", 2), WriteCondition.none());
            });
            assertThat(store.changeToken()).hasValue(initial + 1);
        }
    }

    @Test
    void aBatchFoldingManyWritesIntoOneDocumentCommitsItsLastVersionAndEachConditionHeld() throws Exception {
        Path file = dir.resolve("store.db");
        try (SqliteProjectionStore store = SqliteProjectionStore.open(file)) {
            store.createContainerIfAbsent(CONTAINER);
            StoredDocument last = store.inBatch(batch -> {
                StoredDocument current = batch.upsert("trading-control", "p1", doc("a", "p1", 0), WriteCondition.ifAbsent());
                for (int n = 1; n <= 100; n++) {
                    StoredDocument read = batch.read("trading-control", "p1", "a").orElseThrow();
                    assertThat(read).isEqualTo(current);
                    current = batch.upsert("trading-control", "p1", doc("a", "p1", read.body().get("n").asInt() + 1),
                            WriteCondition.ifMatch(read.etag()));
                }
                return current;
            });

            assertThat(store.read("trading-control", "p1", "a")).contains(last);
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement s = other.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*), max(etag), max(json_extract(body, '$.n')) FROM documents")) {
                assertThat(rs.getInt(1)).isEqualTo(1);
                assertThat(rs.getString(2)).isEqualTo(last.etag());
                assertThat(rs.getInt(3)).isEqualTo(100);
            }
        }
    }

    @Test
    void insideABatchExpiredDocumentsAreAbsentAsOutsideIt() {
        SettableClock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (SqliteProjectionStore store = SqliteProjectionStore.open(dir.resolve("ttl.db"), clock)) {
            store.createContainerIfAbsent(new ContainerSpec("audit-events", "/productId", 60));
            store.upsert("audit-events", "p1", doc("old", "p1", 1), WriteCondition.none());
            clock.advance(Duration.ofSeconds(61));

            store.inBatch(batch -> {
                assertThat(batch.read("audit-events", "p1", "old")).isEmpty();
                batch.upsert("audit-events", "p1", doc("old", "p1", 2), WriteCondition.ifAbsent());
                batch.upsert("audit-events", "p1", doc("brief", "p1", 3).put("ttl", 5), WriteCondition.none());
                assertThat(batch.read("audit-events", "p1", "brief")).isPresent();
                clock.advance(Duration.ofSeconds(6));
                assertThat(batch.read("audit-events", "p1", "brief")).isEmpty();
                assertThat(batch.read("audit-events", "p1", "old")).isPresent();
                return null;
            });

            assertThat(store.read("audit-events", "p1", "old").orElseThrow().body().get("n").asInt()).isEqualTo(2);
            assertThat(store.read("audit-events", "p1", "brief")).isEmpty();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode doc(String id, String productId, int n) {
        return JSON.createObjectNode().put("id", id).put("productId", productId).put("n", n);
    }
}
