package com.tradingcontrol.projections.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The narrow port the projector writes through and the API reads through.
 *
 * <p>Documents are JSON objects with a string {@code id} and a string partition key stored at the
 * container's partition key path. Every stored version carries an opaque {@code etag}; conditional
 * writes ({@link WriteCondition#ifMatch(String)}) are how the projector guarantees that the last
 * applied event position recorded in a document never moves backwards when two writers race.
 *
 * <p>All failures are {@link ProjectionStoreException} subclasses; callers never see adapter types.
 */
public interface ProjectionStore extends AutoCloseable {

    /** Creates the container when missing; an existing one gets {@code spec}'s default TTL. */
    void createContainerIfAbsent(ContainerSpec spec);

    /** Removes the container and all its documents; a missing container is not an error. */
    void deleteContainer(String container);

    /** The document if it exists; its body is the caller's own (a later change to it changes nothing stored). */
    Optional<StoredDocument> read(String container, String partitionKey, String id);

    /**
     * Writes {@code doc} (which must carry {@code id} and the partition key value at the container's
     * partition key path) if {@code condition} holds.
     *
     * @throws PreconditionFailedException IF_MATCH and the stored etag differs or the document is absent
     * @throws ConflictException IF_ABSENT and the document exists
     */
    StoredDocument upsert(String container, String partitionKey, ObjectNode doc, WriteCondition condition);

    /**
     * As {@link #upsert}, for a caller that hands {@code doc} over: it neither reads nor changes it
     * afterwards, so the store may keep that instance instead of a copy of it (the projector's writer,
     * whose body is its own copy of what it read, folded). Stores that copy anyway need not override it.
     */
    default void upsertHandedOver(String container, String partitionKey, ObjectNode doc, WriteCondition condition) {
        upsert(container, partitionKey, doc, condition);
    }

    /**
     * @throws NotFoundException the document does not exist
     * @throws PreconditionFailedException IF_MATCH and the stored etag differs
     */
    void delete(String container, String partitionKey, String id, WriteCondition condition);

    /** One page of matching documents; pass {@link Page#continuation()} back in the next query. */
    Page query(String container, Query query);

    /**
     * Every live document of {@code container}, ordered as a cross-partition {@link #query}, for a reader
     * that keeps the listing in memory: a document whose etag is a key of {@code knownByEtag} (the caller's
     * previous listing) comes back as that very instance - etags are unique per write, so the content is
     * the same - which spares fetching and parsing the documents that did not change. Such bodies are
     * shared with the caller's earlier listing, so callers must treat them as read-only. This default
     * reads every page and then swaps in the known documents; an adapter that can skip fetching them
     * overrides it.
     *
     * @throws NotFoundException the container does not exist
     */
    default List<StoredDocument> readAll(String container, Map<String, StoredDocument> knownByEtag) {
        List<StoredDocument> all = new ArrayList<>();
        Query query = Query.crossPartition().pageSize(Query.MAX_PAGE_SIZE);
        Page page;
        do {
            page = query(container, query);
            for (StoredDocument doc : page.items()) {
                all.add(knownByEtag.getOrDefault(doc.etag(), doc));
            }
            query = query.continuation(page.continuation());
        } while (page.hasMore());
        return all;
    }

    /**
     * Runs {@code work}, whose operations on the store it is given form one batch, and returns its
     * result. Every operation keeps its own meaning, conditions included, and sees the writes made
     * before it in the batch, so a read-then-conditional-write guard works unchanged inside a batch.
     * A store with transactions (the embedded one) commits the batch as a whole, which is also far
     * cheaper than a transaction per operation; this default runs the operations one by one, so a
     * failure part-way leaves the writes before it in place (each of them valid on its own). Callers
     * must therefore be able to redo a failed batch from its start.
     */
    default <T> T inBatch(Function<ProjectionStore, T> work) {
        return work.apply(this);
    }

    /**
     * A cheap value that differs after any committed write to the store (by this process or, for a
     * shared file, another one), so a reader can keep derived data until it changes. Read it BEFORE
     * reading the data it guards: data read after an equal token is at least as new as the token.
     * Empty means the store cannot tell cheaply, so callers must not cache.
     */
    default OptionalLong changeToken() {
        return OptionalLong.empty();
    }

    /**
     * Like {@link #changeToken()} for one container: differs after any committed write that changed
     * {@code container} (its documents, or the container itself), and need not move for writes to other
     * containers - so a listing of a rarely written container survives a store busy with others. The
     * same rules apply: read it before the data it guards; empty means do not cache. This default is
     * the store-wide token, which is correct but moves for every write.
     */
    default OptionalLong changeToken(String container) {
        return changeToken();
    }

    @Override
    void close();
}
