package com.tradingcontrol.projections.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.projections.testing.ProjectorFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The behaviour every {@link ProjectionStore} adapter must show. Subclasses supply the store (one
 * per class, since servers are expensive) and declare what their backend cannot do; such tests are
 * tagged so they can be selected for the backends that can.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ProjectionStoreContract {

    /** What a backend cannot do; only test doubles of Cosmos DB opt out of anything. */
    public record Capabilities(boolean ttlEnforcement, boolean containerPropertyUpdates) {
        public static final Capabilities ALL = new Capabilities(true, true);
    }

    protected static final ObjectMapper JSON = new ObjectMapper();

    protected ProjectionStore store;
    protected String container;

    /** Called once per test class; may start servers. */
    protected abstract ProjectionStore createStore() throws Exception;

    protected abstract Capabilities capabilities();

    /** Called once after the store is closed; stop servers here. */
    protected void afterStoreClosed() throws Exception {
    }

    @BeforeAll
    void openStore() throws Exception {
        store = createStore();
    }

    @AfterAll
    void closeStore() throws Exception {
        try {
            if (store != null) {
                store.close();
            }
        } finally {
            afterStoreClosed();
        }
    }

    @BeforeEach
    void freshContainer() {
        container = "contract-" + UUID.randomUUID().toString().substring(0, 8);
        store.createContainerIfAbsent(ContainerSpec.of(container, "/productId"));
    }

    @AfterEach
    void dropContainer() {
        store.deleteContainer(container);
    }

    // ---- CRUD -------------------------------------------------------------------------------

    @Test
    void upsertThenReadReturnsTheBodyWithAnEtagAndNoSystemFields() {
        StoredDocument written = store.upsert(container, "p1", doc("a", "p1", Map.of("status", "PAUSED")), WriteCondition.none());

        StoredDocument read = store.read(container, "p1", "a").orElseThrow();

        assertThat(written.etag()).isNotBlank();
        assertThat(read.etag()).isEqualTo(written.etag());
        assertThat(read.id()).isEqualTo("a");
        assertThat(read.partitionKey()).isEqualTo("p1");
        assertThat(read.body()).isEqualTo(doc("a", "p1", Map.of("status", "PAUSED")));
        assertThat(read.body().fieldNames()).toIterable().noneMatch(Documents.SYSTEM_FIELDS::contains);
    }

    @Test
    void readOfAMissingDocumentIsEmpty() {
        assertThat(store.read(container, "p1", "nope")).isEmpty();
    }

    @Test
    void unconditionalUpsertReplacesTheDocumentAndChangesTheEtag() {
        StoredDocument first = store.upsert(container, "p1", doc("a", "p1", Map.of("v", 1)), WriteCondition.none());
        StoredDocument second = store.upsert(container, "p1", doc("a", "p1", Map.of("w", 2)), WriteCondition.none());

        assertThat(second.etag()).isNotEqualTo(first.etag());
        assertThat(store.read(container, "p1", "a").orElseThrow().body()).isEqualTo(doc("a", "p1", Map.of("w", 2)));
    }

    @Test
    void nestedObjectsArraysAndNumbersSurviveTheRoundTrip() throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree("""
                {"id":"n","productId":"p1","scope":{"kind":"symbol","value":"BTC"},"tags":["a","b"],
                 "position":{"partition":3,"offset":9007199254740},"ratio":0.25,"on":true,"note":null}""");
        store.upsert(container, "p1", body, WriteCondition.none());

        assertThat(store.read(container, "p1", "n").orElseThrow().body()).isEqualTo(body);
    }

    @Test
    void deleteRemovesTheDocument() {
        store.upsert(container, "p1", doc("a", "p1", Map.of()), WriteCondition.none());

        store.delete(container, "p1", "a", WriteCondition.none());

        assertThat(store.read(container, "p1", "a")).isEmpty();
    }

    @Test
    void deleteOfAMissingDocumentIsNotFound() {
        assertThatThrownBy(() -> store.delete(container, "p1", "nope", WriteCondition.none()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aDocumentWhosePartitionKeyFieldDiffersFromThePartitionKeyIsRejected() {
        assertThatThrownBy(() -> store.upsert(container, "p1", doc("a", "p2", Map.of()), WriteCondition.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/productId");
        assertThatThrownBy(() -> store.upsert(container, "p1", JSON.createObjectNode().put("productId", "p1"),
                WriteCondition.none())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");
    }

    // ---- conditions -------------------------------------------------------------------------

    @Test
    void ifMatchWithTheCurrentEtagWrites() {
        StoredDocument first = store.upsert(container, "p1", doc("a", "p1", Map.of("v", 1)), WriteCondition.none());

        StoredDocument second = store.upsert(container, "p1", doc("a", "p1", Map.of("v", 2)), WriteCondition.ifMatch(first.etag()));

        assertThat(store.read(container, "p1", "a").orElseThrow()).isEqualTo(second);
        assertThat(second.body().get("v").asInt()).isEqualTo(2);
    }

    @Test
    void ifMatchWithAStaleEtagFailsWithPreconditionFailedAndChangesNothing() {
        StoredDocument first = store.upsert(container, "p1", doc("a", "p1", Map.of("v", 1)), WriteCondition.none());
        StoredDocument second = store.upsert(container, "p1", doc("a", "p1", Map.of("v", 2)), WriteCondition.none());

        assertThatThrownBy(() -> store.upsert(container, "p1", doc("a", "p1", Map.of("v", 3)), WriteCondition.ifMatch(first.etag())))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(store.read(container, "p1", "a").orElseThrow()).isEqualTo(second);
    }

    @Test
    void ifMatchOnAnAbsentDocumentFailsWithPreconditionFailed() {
        assertThatThrownBy(() -> store.upsert(container, "p1", doc("a", "p1", Map.of()), WriteCondition.ifMatch("\"whatever\"")))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(store.read(container, "p1", "a")).isEmpty();
    }

    @Test
    void ifAbsentCreatesOnceThenConflicts() {
        StoredDocument created = store.upsert(container, "p1", doc("a", "p1", Map.of("v", 1)), WriteCondition.ifAbsent());

        assertThatThrownBy(() -> store.upsert(container, "p1", doc("a", "p1", Map.of("v", 2)), WriteCondition.ifAbsent()))
                .isInstanceOf(ConflictException.class);
        assertThat(store.read(container, "p1", "a").orElseThrow()).isEqualTo(created);
    }

    @Test
    void deleteIfMatchHonoursTheEtag() {
        StoredDocument first = store.upsert(container, "p1", doc("a", "p1", Map.of("v", 1)), WriteCondition.none());
        StoredDocument second = store.upsert(container, "p1", doc("a", "p1", Map.of("v", 2)), WriteCondition.none());

        assertThatThrownBy(() -> store.delete(container, "p1", "a", WriteCondition.ifMatch(first.etag())))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(store.read(container, "p1", "a")).isPresent();

        store.delete(container, "p1", "a", WriteCondition.ifMatch(second.etag()));
        assertThat(store.read(container, "p1", "a")).isEmpty();
    }

    @Test
    void concurrentIfMatchWritersFromTheSameVersionHaveExactlyOneWinner() throws Exception {
        StoredDocument base = store.upsert(container, "p1", doc("a", "p1", Map.of("writer", -1)), WriteCondition.none());

        List<Outcome> outcomes = race(8, writer -> store.upsert(container, "p1",
                doc("a", "p1", Map.of("writer", writer)), WriteCondition.ifMatch(base.etag())));

        List<Outcome> winners = outcomes.stream().filter(o -> o.error == null).toList();
        assertThat(winners).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.error != null)
                .allSatisfy(o -> assertThat(o.error).isInstanceOf(PreconditionFailedException.class));
        assertThat(store.read(container, "p1", "a").orElseThrow().body().get("writer").asInt()).isEqualTo(winners.get(0).writer);
    }

    @Test
    void concurrentIfAbsentWritersHaveExactlyOneWinner() throws Exception {
        List<Outcome> outcomes = race(8, writer -> store.upsert(container, "p1",
                doc("a", "p1", Map.of("writer", writer)), WriteCondition.ifAbsent()));

        List<Outcome> winners = outcomes.stream().filter(o -> o.error == null).toList();
        assertThat(winners).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.error != null)
                .allSatisfy(o -> assertThat(o.error).isInstanceOf(ConflictException.class));
        assertThat(store.read(container, "p1", "a").orElseThrow().body().get("writer").asInt()).isEqualTo(winners.get(0).writer);
    }

    // ---- batches ----------------------------------------------------------------------------

    @Test
    void operationsInABatchSeeTheBatchsEarlierWritesAndConditionsStillHold() {
        String result = store.inBatch(batch -> {
            StoredDocument first = batch.upsert(container, "p1", doc("a", "p1", Map.of("n", 1)), WriteCondition.ifAbsent());
            assertThat(batch.read(container, "p1", "a")).contains(first);
            StoredDocument second = batch.upsert(container, "p1", doc("a", "p1", Map.of("n", 2)),
                    WriteCondition.ifMatch(first.etag()));
            assertThatThrownBy(() -> batch.upsert(container, "p1", doc("a", "p1", Map.of("n", 3)),
                    WriteCondition.ifMatch(first.etag()))).isInstanceOf(PreconditionFailedException.class);
            assertThatThrownBy(() -> batch.upsert(container, "p1", doc("a", "p1", Map.of("n", 4)),
                    WriteCondition.ifAbsent())).isInstanceOf(ConflictException.class);
            batch.upsert(container, "p2", doc("b", "p2", Map.of("n", 5)), WriteCondition.none());
            return second.etag();
        });

        StoredDocument a = store.read(container, "p1", "a").orElseThrow();
        assertThat(a.etag()).isEqualTo(result);
        assertThat(a.body().get("n").asInt()).isEqualTo(2);
        assertThat(store.read(container, "p2", "b").orElseThrow().body().get("n").asInt()).isEqualTo(5);
    }

    @Test
    void queriesAndDeletesInABatchSeeTheBatchsEarlierWrites() {
        store.inBatch(batch -> {
            batch.upsert(container, "p1", doc("a", "p1", Map.of("n", 1)), WriteCondition.none());
            StoredDocument b = batch.upsert(container, "p1", doc("b", "p1", Map.of("n", 2)), WriteCondition.none());
            assertThat(ids(batch.query(container, Query.inPartition("p1")).items())).containsExactlyInAnyOrder("a", "b");

            batch.delete(container, "p1", "b", WriteCondition.ifMatch(b.etag()));
            assertThat(batch.read(container, "p1", "b")).isEmpty();
            batch.upsert(container, "p1", doc("b", "p1", Map.of("n", 3)), WriteCondition.ifAbsent());
            return batch.upsert(container, "p1", doc("a", "p1", Map.of("n", 4)), WriteCondition.none());
        });

        assertThat(store.read(container, "p1", "a").orElseThrow().body().get("n").asInt()).isEqualTo(4);
        assertThat(store.read(container, "p1", "b").orElseThrow().body().get("n").asInt()).isEqualTo(3);
    }

    @Test
    void changingABodyReadPassedOrReturnedChangesNothingStoredInOrOutOfABatch() {
        ObjectNode passed = doc("a", "p1", Map.of("n", 1));
        StoredDocument returned = store.upsert(container, "p1", passed, WriteCondition.none());
        passed.put("n", 90);
        returned.body().put("n", 91);
        store.read(container, "p1", "a").orElseThrow().body().put("n", 92);
        assertThat(store.read(container, "p1", "a").orElseThrow().body().get("n").asInt()).isEqualTo(1);

        store.inBatch(batch -> {
            ObjectNode inBatch = doc("a", "p1", Map.of("n", 2));
            StoredDocument written = batch.upsert(container, "p1", inBatch, WriteCondition.none());
            inBatch.put("n", 93);
            written.body().put("n", 94);
            batch.read(container, "p1", "a").orElseThrow().body().put("n", 95);
            assertThat(batch.read(container, "p1", "a").orElseThrow().body().get("n").asInt()).isEqualTo(2);
            return null;
        });
        assertThat(store.read(container, "p1", "a").orElseThrow().body().get("n").asInt()).isEqualTo(2);
    }

    @Test
    void aHandedOverDocumentIsStoredUnderTheSameConditionsAndReadsStayCopies() {
        store.upsertHandedOver(container, "p1", doc("a", "p1", Map.of("n", 1)), WriteCondition.ifAbsent());
        StoredDocument stored = store.read(container, "p1", "a").orElseThrow();
        assertThat(stored.body().get("n").asInt()).isEqualTo(1);

        store.inBatch(batch -> {
            batch.upsertHandedOver(container, "p1", doc("a", "p1", Map.of("n", 2)), WriteCondition.ifMatch(stored.etag()));
            assertThatThrownBy(() -> batch.upsertHandedOver(container, "p1", doc("a", "p1", Map.of("n", 3)),
                    WriteCondition.ifMatch(stored.etag()))).isInstanceOf(PreconditionFailedException.class);
            assertThatThrownBy(() -> batch.upsertHandedOver(container, "p1", doc("a", "p1", Map.of("n", 4)),
                    WriteCondition.ifAbsent())).isInstanceOf(ConflictException.class);
            StoredDocument inBatch = batch.read(container, "p1", "a").orElseThrow();
            inBatch.body().put("n", 95);
            assertThat(batch.read(container, "p1", "a").orElseThrow().body().get("n").asInt()).isEqualTo(2);
            batch.upsertHandedOver(container, "p1", inBatch.body().put("n", 5), WriteCondition.ifMatch(inBatch.etag()));
            return null;
        });
        assertThat(store.read(container, "p1", "a").orElseThrow().body().get("n").asInt()).isEqualTo(5);
    }

    // ---- partitions -------------------------------------------------------------------------

    @Test
    void theSameIdInTwoPartitionsIsTwoDocuments() {
        store.upsert(container, "p1", doc("a", "p1", Map.of("v", 1)), WriteCondition.none());
        store.upsert(container, "p2", doc("a", "p2", Map.of("v", 2)), WriteCondition.ifAbsent());

        store.delete(container, "p1", "a", WriteCondition.none());

        assertThat(store.read(container, "p1", "a")).isEmpty();
        assertThat(store.read(container, "p2", "a").orElseThrow().body().get("v").asInt()).isEqualTo(2);
        assertThat(ids(queryAll(Query.inPartition("p2")))).containsExactly("a");
        assertThat(queryAll(Query.inPartition("p1"))).isEmpty();
    }

    @Test
    void aPartitionQuerySeesOnlyItsPartitionAndACrossPartitionQuerySeesAll() {
        for (String pk : List.of("p1", "p2", "p3")) {
            for (int i = 0; i < 3; i++) {
                store.upsert(container, pk, doc(pk + "-" + i, pk, Map.of("i", i)), WriteCondition.none());
            }
        }

        assertThat(ids(queryAll(Query.inPartition("p2")))).containsExactlyInAnyOrder("p2-0", "p2-1", "p2-2");
        assertThat(queryAll(Query.crossPartition())).hasSize(9)
                .allSatisfy(d -> assertThat(d.body().get("productId").asText()).isEqualTo(d.partitionKey()));
        assertThat(ids(queryAll(Query.crossPartition().where(Filter.eq("i", 1)))))
                .containsExactlyInAnyOrder("p1-1", "p2-1", "p3-1");
    }

    @Test
    void readAllListsTheContainerLikeACrossPartitionQueryAndReturnsTheCallersDocumentsForKnownEtags() {
        for (String pk : List.of("p2", "p1")) {
            for (int i = 0; i < 2; i++) {
                store.upsert(container, pk, doc(pk + "-" + i, pk, Map.of("i", i)), WriteCondition.none());
            }
        }
        List<StoredDocument> first = store.readAll(container, Map.of());
        assertThat(first).containsExactlyElementsOf(queryAll(Query.crossPartition()));

        store.upsert(container, "p1", doc("p1-0", "p1", Map.of("i", 10)), WriteCondition.none());
        store.delete(container, "p2", "p2-1", WriteCondition.none());
        Map<String, StoredDocument> known = new HashMap<>();
        first.forEach(d -> known.put(d.etag(), d));
        List<StoredDocument> second = store.readAll(container, known);

        assertThat(second).containsExactlyElementsOf(queryAll(Query.crossPartition()));
        assertThat(second).filteredOn(d -> d.id().equals("p1-0")).singleElement()
                .satisfies(d -> assertThat(d.body().get("i").asInt()).as("changed: read anew").isEqualTo(10));
        for (StoredDocument unchanged : second.stream().filter(d -> !d.id().equals("p1-0")).toList()) {
            assertThat(unchanged).as("unchanged %s: the caller's instance", unchanged.id()).isSameAs(known.get(unchanged.etag()));
        }
        assertThatThrownBy(() -> store.readAll("no-such-" + container, Map.of())).isInstanceOf(NotFoundException.class);
    }

    // ---- filters ----------------------------------------------------------------------------

    @Test
    void filtersMatchStringsNumbersAndBooleansOfTheSameTypeOnly() throws Exception {
        seedTyped();

        assertThat(ids(queryAll(Query.inPartition("p1").where(Filter.eq("status", "PAUSED"))))).containsExactlyInAnyOrder("s1", "s3");
        assertThat(ids(queryAll(Query.inPartition("p1").where(Filter.eq("level", 5))))).containsExactly("s1");
        assertThat(ids(queryAll(Query.inPartition("p1").where(Filter.eq("level", "5"))))).containsExactly("s4");
        assertThat(ids(queryAll(Query.inPartition("p1").where(Filter.eq("enabled", true))))).containsExactlyInAnyOrder("s1", "s2");
        assertThat(ids(queryAll(Query.inPartition("p1").where(Filter.eq("enabled", false))))).containsExactly("s3");
        assertThat(ids(queryAll(Query.inPartition("p1").where(Filter.eq("ratio", 0.5))))).containsExactly("s2");
    }

    @Test
    void rangeAndInFiltersCombineWithAnd() throws Exception {
        seedTyped();

        assertThat(ids(queryAll(Query.inPartition("p1").where(Filter.gte("level", 5))))).containsExactlyInAnyOrder("s1", "s2");
        assertThat(ids(queryAll(Query.inPartition("p1").where(Filter.lte("level", 5))))).containsExactlyInAnyOrder("s1", "s3");
        assertThat(ids(queryAll(Query.inPartition("p1").where(Filter.gte("level", 2)).where(Filter.lte("level", 8)))))
                .containsExactly("s1");
        assertThat(ids(queryAll(Query.inPartition("p1").where(Filter.gte("status", "I")))))
                .containsExactlyInAnyOrder("s1", "s3");
        assertThat(ids(queryAll(Query.inPartition("p1").where(Filter.in("status", List.of("ACTIVE", "HALTED"))))))
                .containsExactlyInAnyOrder("s2", "s4");
        assertThat(ids(queryAll(Query.inPartition("p1").where(Filter.in("status", List.of("PAUSED")))
                .where(Filter.eq("enabled", false))))).containsExactly("s3");
    }

    @Test
    void filtersReachNestedFields() throws Exception {
        seedTyped();

        assertThat(ids(queryAll(Query.inPartition("p1").where(Filter.eq("scope.kind", "symbol"))))).containsExactlyInAnyOrder("s1", "s2");
        assertThat(ids(queryAll(Query.inPartition("p1").where(Filter.gte("position.offset", 20))))).containsExactlyInAnyOrder("s2", "s3");
        assertThat(ids(queryAll(Query.inPartition("p1").where(Filter.eq("scope.meta.strict", true))))).containsExactly("s2");
    }

    // ---- ordering and paging ----------------------------------------------------------------

    @Test
    void resultsAreOrderedByOneFieldAscendingOrDescending() {
        for (int i = 0; i < 6; i++) {
            int rank = (i * 7) % 6;
            store.upsert(container, "p1", doc("d" + i, "p1", Map.of("rank", rank, "nested", Map.of("name", "n" + rank))),
                    WriteCondition.none());
        }

        List<Integer> asc = queryAll(Query.inPartition("p1").orderBy(OrderBy.asc("rank"))).stream()
                .map(d -> d.body().get("rank").asInt()).toList();
        List<String> desc = queryAll(Query.inPartition("p1").orderBy(OrderBy.desc("nested.name"))).stream()
                .map(d -> d.body().get("nested").get("name").asText()).toList();

        assertThat(asc).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(desc).containsExactly("n5", "n4", "n3", "n2", "n1", "n0");
    }

    @Test
    void pagingThroughContinuationTokensVisitsEveryDocumentExactlyOnceInOrder() {
        for (int i = 0; i < 23; i++) {
            store.upsert(container, "p" + (i % 3), doc(String.format("d%02d", i), "p" + (i % 3), Map.of("seq", i)),
                    WriteCondition.none());
        }

        List<Page> pages = pages(Query.crossPartition().orderBy(OrderBy.asc("seq")).pageSize(5));

        assertThat(pages).hasSizeBetween(5, 6);
        assertThat(pages).allSatisfy(p -> assertThat(p.items()).hasSizeLessThanOrEqualTo(5));
        assertThat(pages.get(pages.size() - 1).continuation()).isNull();
        List<Integer> seqs = pages.stream().flatMap(p -> p.items().stream()).map(d -> d.body().get("seq").asInt()).toList();
        assertThat(seqs).containsExactlyElementsOf(IntStream.range(0, 23).boxed().toList());
    }

    @Test
    void pagingWithinAPartitionWithAFilterAndDescendingOrder() {
        for (int i = 0; i < 30; i++) {
            store.upsert(container, "p1", doc("d" + i, "p1", Map.of("seq", i, "even", i % 2 == 0)), WriteCondition.none());
        }

        List<Page> pages = pages(Query.inPartition("p1").where(Filter.eq("even", true)).orderBy(OrderBy.desc("seq")).pageSize(4));

        List<Integer> seqs = pages.stream().flatMap(p -> p.items().stream()).map(d -> d.body().get("seq").asInt()).toList();
        assertThat(seqs).containsExactly(28, 26, 24, 22, 20, 18, 16, 14, 12, 10, 8, 6, 4, 2, 0);
    }

    // ---- containers -------------------------------------------------------------------------

    @Test
    void creatingAnExistingContainerAgainKeepsItsDocuments() {
        store.upsert(container, "p1", doc("a", "p1", Map.of()), WriteCondition.none());

        store.createContainerIfAbsent(ContainerSpec.of(container, "/productId"));

        assertThat(store.read(container, "p1", "a")).isPresent();
    }

    @Test
    void deletingAContainerDropsItsDocuments() {
        store.upsert(container, "p1", doc("a", "p1", Map.of()), WriteCondition.none());

        store.deleteContainer(container);
        store.createContainerIfAbsent(ContainerSpec.of(container, "/productId"));

        assertThat(store.read(container, "p1", "a")).isEmpty();
        assertThat(queryAll(Query.crossPartition())).isEmpty();
    }

    @Test
    void nestedPartitionKeyPathsWork() {
        String nested = container + "-n";
        store.createContainerIfAbsent(ContainerSpec.of(nested, "/scope/tenant"));
        try {
            ObjectNode body = JSON.createObjectNode().put("id", "x");
            body.putObject("scope").put("tenant", "t1");
            store.upsert(nested, "t1", body, WriteCondition.none());

            assertThat(store.read(nested, "t1", "x").orElseThrow().body()).isEqualTo(body);
            assertThat(ids(queryAllIn(nested, Query.inPartition("t1")))).containsExactly("x");
        } finally {
            store.deleteContainer(nested);
        }
    }

    @Test
    @Tag("container-properties")
    void creatingAnExistingContainerWithAnotherDefaultTtlKeepsItsDocuments() {
        assumeTrue(capabilities().containerPropertyUpdates(), "this backend cannot update container properties");
        store.upsert(container, "p1", doc("a", "p1", Map.of()), WriteCondition.none());

        store.createContainerIfAbsent(new ContainerSpec(container, "/productId", 3600));

        assertThat(store.read(container, "p1", "a")).isPresent();
    }

    // ---- TTL --------------------------------------------------------------------------------

    @Test
    @Tag("ttl")
    void documentsExpireAfterTheirTtlUnlessTheyOptOut() throws Exception {
        assumeTrue(capabilities().ttlEnforcement(), "this backend does not enforce TTL");
        String ttlContainer = container + "-ttl";
        store.createContainerIfAbsent(new ContainerSpec(ttlContainer, "/productId", 2));
        store.createContainerIfAbsent(ContainerSpec.of(container, "/productId"));
        try {
            store.upsert(ttlContainer, "p1", doc("default", "p1", Map.of()), WriteCondition.none());
            store.upsert(ttlContainer, "p1", doc("forever", "p1", Map.of("ttl", -1)), WriteCondition.none());
            store.upsert(ttlContainer, "p1", doc("longer", "p1", Map.of("ttl", 600)), WriteCondition.none());
            store.upsert(container, "p1", doc("ttl-off", "p1", Map.of("ttl", 1)), WriteCondition.none());
            assertThat(store.read(ttlContainer, "p1", "default")).isPresent();

            // Expiry is the positive event to wait for (a backend may delete expired documents late); once
            // "default" (2 s) is gone, "ttl-off" (1 s) would be gone too had its container enforced TTL.
            ProjectorFixture.await(() -> store.read(ttlContainer, "p1", "default").isEmpty(), Duration.ofSeconds(60),
                    () -> "the 2 s document to expire");

            assertThat(ids(queryAllIn(ttlContainer, Query.inPartition("p1")))).containsExactlyInAnyOrder("forever", "longer");
            assertThat(store.read(container, "p1", "ttl-off")).isPresent();
            store.upsert(ttlContainer, "p1", doc("default", "p1", Map.of("again", true)), WriteCondition.ifAbsent());
        } finally {
            store.deleteContainer(ttlContainer);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    protected static ObjectNode doc(String id, String productId, Map<String, ?> fields) {
        ObjectNode node = JSON.createObjectNode().put("id", id).put("productId", productId);
        node.setAll(JSON.<ObjectNode>valueToTree(fields));
        return node;
    }

    private void seedTyped() throws Exception {
        String[] docs = {
            """
            {"id":"s1","productId":"p1","status":"PAUSED","level":5,"enabled":true,"ratio":1.5,
             "scope":{"kind":"symbol"},"position":{"offset":10}}""",
            """
            {"id":"s2","productId":"p1","status":"ACTIVE","level":9,"enabled":true,"ratio":0.5,
             "scope":{"kind":"symbol","meta":{"strict":true}},"position":{"offset":20}}""",
            """
            {"id":"s3","productId":"p1","status":"PAUSED","level":1,"enabled":false,
             "scope":{"kind":"global","meta":{"strict":false}},"position":{"offset":30}}""",
            """
            {"id":"s4","productId":"p1","status":"HALTED","level":"5","enabled":"true"}"""};
        for (String json : docs) {
            store.upsert(container, "p1", (ObjectNode) JSON.readTree(json), WriteCondition.none());
        }
        store.upsert(container, "p2", doc("other", "p2", Map.of("status", "PAUSED", "level", 5)), WriteCondition.none());
    }

    protected List<StoredDocument> queryAll(Query query) {
        return queryAllIn(container, query);
    }

    private List<StoredDocument> queryAllIn(String name, Query query) {
        List<StoredDocument> all = new ArrayList<>();
        Query next = query;
        for (int guard = 0; guard < 1_000; guard++) {
            Page page = store.query(name, next);
            all.addAll(page.items());
            if (page.continuation() == null) {
                return all;
            }
            next = next.continuation(page.continuation());
        }
        throw new AssertionError("paging did not end");
    }

    private List<Page> pages(Query query) {
        List<Page> pages = new ArrayList<>();
        Query next = query;
        do {
            Page page = store.query(container, next);
            pages.add(page);
            next = next.continuation(page.continuation());
            assertThat(pages).hasSizeLessThan(1_000);
        } while (next.continuation() != null);
        return pages;
    }

    private static List<String> ids(List<StoredDocument> docs) {
        return docs.stream().map(StoredDocument::id).toList();
    }

    private record Outcome(int writer, RuntimeException error) {
    }

    private interface Write {
        void run(int writer);
    }

    /** Runs {@code writers} writes released at the same instant and records how each ended. */
    private static List<Outcome> race(int writers, Write write) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int writer = i;
                Callable<Outcome> task = () -> {
                    start.await();
                    try {
                        write.run(writer);
                        return new Outcome(writer, null);
                    } catch (PreconditionFailedException | ConflictException e) {
                        return new Outcome(writer, e);
                    }
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
