package com.tradingcontrol.projections.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.projections.store.ContainerSpec;
import com.tradingcontrol.projections.store.Documents;
import com.tradingcontrol.projections.store.StoredDocument;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The documents one batch has read or written, in front of the table while the batch's IMMEDIATE
 * transaction is open. That transaction makes this connection the file's only writer, so what the
 * batch read or wrote is exactly what the table holds for it until the commit: a replay that folds
 * many events into the same documents reads and parses each one once per batch, and writes its last
 * version once, in one batched statement at the end. Every read returns a copy, so no caller can
 * change what will be written; a write keeps a copy too, unless its caller hands the document over
 * ({@link #keep}).
 *
 * <p>Not thread-safe: only the thread holding the store's lock uses it.
 */
final class BatchDocuments {

    private record Key(String container, String partitionKey, String id) {
        /**
         * The record's default (31 * h(pk) + h(id), roughly) is 32 * h(id) when the partition key is the
         * id, as for every aggregate document: the low bits vanish, and the map piles its keys into a few
         * buckets.
         */
        @Override
        public int hashCode() {
            return (container.hashCode() * 31 + partitionKey.hashCode()) * 0x9E3779B1 ^ id.hashCode();
        }
    }

    /** What the table holds (or will hold) for a key: the row, or null for none; dirty until flushed. */
    private record Entry(SqliteDocumentTable.Row row, boolean dirty) {
    }

    private final SqliteDocumentTable table;
    private final Map<Key, Entry> entries = new HashMap<>();

    BatchDocuments(SqliteDocumentTable table) {
        this.table = table;
    }

    Optional<StoredDocument> readLive(ContainerSpec spec, String partitionKey, String id)
            throws SQLException, JsonProcessingException {
        return peekLive(spec, partitionKey, id).map(BatchDocuments::copy);
    }

    /** Like {@link #readLive} but the batch's own instance, for checking a condition: must not be changed or kept. */
    Optional<StoredDocument> peekLive(ContainerSpec spec, String partitionKey, String id)
            throws SQLException, JsonProcessingException {
        Key key = new Key(spec.name(), partitionKey, id);
        Entry entry = entries.get(key);
        if (entry == null) {
            entry = new Entry(table.readRow(spec.name(), partitionKey, id).orElse(null), false);
            entries.put(key, entry);
        }
        SqliteDocumentTable.Row row = entry.row();
        if (row == null || !row.liveAt(spec, table.clock().millis())) {
            return Optional.empty();
        }
        return Optional.of(row.document());
    }

    /**
     * Records the write of a copy of {@code doc} without system fields; the table gets it at {@link #flush()}.
     * The returned body is {@code doc} itself when that equals what was stored (no system fields): the
     * caller's own document, rather than a second copy.
     */
    StoredDocument write(ContainerSpec spec, String partitionKey, String id, ObjectNode doc) {
        ObjectNode body = Documents.withoutSystemFields(doc);
        StoredDocument written = record(spec, partitionKey, id, body);
        return new StoredDocument(id, partitionKey, written.etag(), body.size() == doc.size() ? doc : Documents.copy(body));
    }

    /**
     * Like {@link #write} for a document its caller hands over (never reads or changes again): the batch
     * keeps {@code doc} itself, without its system fields, instead of a copy. Returns what is stored, which
     * the caller must not change either.
     */
    StoredDocument keep(ContainerSpec spec, String partitionKey, String id, ObjectNode doc) {
        doc.remove(Documents.SYSTEM_FIELDS);
        return record(spec, partitionKey, id, doc);
    }

    private StoredDocument record(ContainerSpec spec, String partitionKey, String id, ObjectNode body) {
        StoredDocument written = new StoredDocument(id, partitionKey, table.nextEtag(), body);
        SqliteDocumentTable.Row row = new SqliteDocumentTable.Row(written, table.clock().millis(), Documents.ttlOf(body));
        entries.put(new Key(spec.name(), partitionKey, id), new Entry(row, true));
        return written;
    }

    /** Writes what the batch changed to the table and forgets everything, so the table is again the only truth. */
    void flush() throws SQLException, JsonProcessingException {
        List<SqliteDocumentTable.Write> writes = new ArrayList<>();
        entries.forEach((key, entry) -> {
            if (entry.dirty()) {
                writes.add(new SqliteDocumentTable.Write(key.container(), entry.row()));
            }
        });
        entries.clear();
        table.writeAll(writes);
    }

    private static StoredDocument copy(StoredDocument doc) {
        return new StoredDocument(doc.id(), doc.partitionKey(), doc.etag(), Documents.copy(doc.body()));
    }
}
