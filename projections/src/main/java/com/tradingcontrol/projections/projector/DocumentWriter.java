package com.tradingcontrol.projections.projector;

import com.tradingcontrol.projections.store.ConflictException;
import com.tradingcontrol.projections.store.PreconditionFailedException;
import com.tradingcontrol.projections.store.ProjectionStore;
import com.tradingcontrol.projections.store.ProjectionStoreException;
import com.tradingcontrol.projections.store.StoredDocument;
import com.tradingcontrol.projections.store.WriteCondition;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The position guard: applies a {@link DocumentUpdate} by read-modify-write with IF_MATCH (or
 * IF_ABSENT for a new document) and retries when another writer got in between, so a document's
 * {@code _position} only ever moves forward. An update at or below the stored position is skipped,
 * which makes redelivery, replay and racing projector instances harmless.
 */
public final class DocumentWriter {

    /** How a single update ended. */
    public enum Outcome { APPLIED, SKIPPED }

    private static final Logger LOG = LoggerFactory.getLogger(DocumentWriter.class);
    private static final int MAX_ATTEMPTS = 20;

    private final ProjectionStore store;

    public DocumentWriter(ProjectionStore store) {
        this.store = store;
    }

    /** Runs {@code work} with a writer whose writes form one {@link ProjectionStore#inBatch batch}. */
    public <T> T inBatch(Function<DocumentWriter, T> work) {
        return store.inBatch(batchStore -> work.apply(batchStore == store ? this : new DocumentWriter(batchStore)));
    }

    public Outcome apply(ContainerNames names, DocumentUpdate update) {
        String container = names.name(update.container());
        for (int attempt = 1; ; attempt++) {
            Optional<StoredDocument> current = store.read(container, update.partitionKey(), update.id());
            long stored = current.map(d -> DocumentUpdate.positionOf(d.body())).orElse(0L);
            if (current.isPresent() && stored >= update.position()) {
                return Outcome.SKIPPED;
            }
            warnOnGap(container, update, stored);
            WriteCondition condition = current.map(d -> WriteCondition.ifMatch(d.etag())).orElse(WriteCondition.ifAbsent());
            try {
                // The body read is this call's own, so the fold may change it instead of copying it first,
                // and the store may keep the result instead of copying it again.
                store.upsertHandedOver(container, update.partitionKey(),
                        update.foldInto(current.map(StoredDocument::body).orElse(null)), condition);
                return Outcome.APPLIED;
            } catch (PreconditionFailedException | ConflictException raced) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw new ProjectionStoreException("document " + container + "/" + update.id() + " kept changing under "
                            + MAX_ATTEMPTS + " attempts to apply " + update.sourceId(), raced);
                }
            }
        }
    }

    /**
     * Aggregate sequences are gapless and each aggregate lives in one ordered partition, so a gap
     * means events are missing from the store (e.g. a document deleted by hand). The update is
     * still applied - the log is the truth and stopping would block every other aggregate - and the
     * drift check will show the damage.
     */
    private static void warnOnGap(String container, DocumentUpdate update, long stored) {
        if (update.container() != ProjectionContainer.AUDIT_EVENTS && update.position() > stored + 1) {
            LOG.warn("gap in {}/{}: stored position {}, applying {} at position {}", container, update.id(), stored,
                    update.sourceId(), update.position());
        }
    }
}
