package com.tradingcontrol.projections.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.projections.store.ContainerSpec;
import com.tradingcontrol.projections.store.Query;
import com.tradingcontrol.projections.store.WriteCondition;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store's change token per container: moves with that container's committed writes only. */
class SqliteContainerChangeTokenTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ContainerSpec CONTROL = new ContainerSpec("control", "/productId", null);
    private static final ContainerSpec AUDIT = new ContainerSpec("audit", "/productId", 60);

    @TempDir
    Path dir;

    @Test
    void onlyCommittedWritesToTheContainerMoveItsToken() {
        try (SqliteProjectionStore store = SqliteProjectionStore.open(dir.resolve("store.db"))) {
            store.createContainerIfAbsent(CONTROL);
            store.createContainerIfAbsent(AUDIT);
            long control = token(store, "control");

            store.upsert("audit", "p1", doc("a", 1), WriteCondition.none());
            store.inBatch(b -> b.upsert("audit", "p1", doc("b", 2), WriteCondition.none()));
            store.read("control", "p1", "x");
            store.query("control", Query.crossPartition());
            assertThat(token(store, "control")).as("other container written, this one read").isEqualTo(control);

            store.upsert("control", "p1", doc("x", 1), WriteCondition.none());
            long afterUpsert = token(store, "control");
            assertThat(afterUpsert).isNotEqualTo(control);
            store.inBatch(b -> {
                b.upsert("control", "p1", doc("y", 2), WriteCondition.none());
                return b.upsert("audit", "p1", doc("c", 3), WriteCondition.none());
            });
            long afterBatch = token(store, "control");
            assertThat(afterBatch).as("batch").isNotEqualTo(afterUpsert);
            store.delete("control", "p1", "y", WriteCondition.none());
            assertThat(token(store, "control")).as("delete").isNotEqualTo(afterBatch);
        }
    }

    @Test
    void droppingCreatingAgainAndAnotherProcesssWriteMoveTheTokenWithoutRepeatingAnOldValue() {
        Path file = dir.resolve("store.db");
        try (SqliteProjectionStore store = SqliteProjectionStore.open(file)) {
            store.createContainerIfAbsent(CONTROL);
            long created = token(store, "control");
            try (SqliteProjectionStore other = SqliteProjectionStore.open(file)) {
                other.upsert("control", "p1", doc("x", 1), WriteCondition.none());
            }
            long written = token(store, "control");
            assertThat(written).as("another process's write").isNotEqualTo(created);

            store.deleteContainer("control");
            long dropped = token(store, "control");
            store.createContainerIfAbsent(CONTROL);
            long again = token(store, "control");
            assertThat(dropped).isNotIn(created, written);
            assertThat(again).as("a new container, not the old one's token").isNotIn(created, written, dropped);
        }
    }

    @Test
    void thereIsNoTokenInsideABatchWhoseReadsMayStillRollBack() {
        try (SqliteProjectionStore store = SqliteProjectionStore.inMemory()) {
            store.createContainerIfAbsent(CONTROL);
            AtomicReference<OptionalLong> inBatch = new AtomicReference<>();
            store.inBatch(b -> {
                b.upsert("control", "p1", doc("x", 1), WriteCondition.none());
                inBatch.set(b.changeToken("control"));
                return null;
            });
            assertThat(inBatch.get()).isEmpty();
            assertThat(store.changeToken("control")).as("outside it, an in-memory store has one").isPresent();
        }
    }

    private static long token(SqliteProjectionStore store, String container) {
        return store.changeToken(container).orElseThrow();
    }

    private static ObjectNode doc(String id, int n) {
        return JSON.createObjectNode().put("id", id).put("productId", "p1").put("n", n);
    }
}
