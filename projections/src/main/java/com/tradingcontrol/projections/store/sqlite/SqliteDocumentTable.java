package com.tradingcontrol.projections.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.projections.store.ContainerSpec;
import com.tradingcontrol.projections.store.Documents;
import com.tradingcontrol.projections.store.StoredDocument;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Row-level access to the {@code documents} table; callers hold the store's lock and own the transaction.
 * The point read and the write are prepared once per connection: compiling them again for every
 * document cost more than running them.
 */
final class SqliteDocumentTable implements AutoCloseable {

    private static final String SELECT_ONE = """
            SELECT pk, id, etag, body, written_at_ms, doc_ttl FROM documents WHERE container = ? AND pk = ? AND id = ?""";
    private static final String UPSERT = """
            INSERT OR REPLACE INTO documents (container, pk, id, etag, body, written_at_ms, doc_ttl)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    /** A stored row as the liveness rule needs it. */
    record Row(StoredDocument document, long writtenAtMs, Integer docTtl) {
        boolean liveAt(ContainerSpec spec, long nowMillis) {
            return SqliteQueryBuilder.isLive(spec, writtenAtMs, docTtl, nowMillis);
        }
    }

    /** A row to write into a container. */
    record Write(String container, Row row) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectReader NODE_READER = MAPPER.readerFor(ObjectNode.class);
    private static final ObjectWriter NODE_WRITER = MAPPER.writer();

    private final Connection connection;
    private final Clock clock;
    private final Etags etags = new Etags();
    private final ContainerChanges changes;
    private PreparedStatement selectOne;
    private PreparedStatement upsert;
    /** Whole-container reads by SQL text: a handful (with and without the TTL clause), each prepared once. */
    private final Map<String, PreparedStatement> readAll = new HashMap<>();

    SqliteDocumentTable(Connection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
        this.changes = new ContainerChanges(connection);
    }

    /** The change counters on this table's connection; every write here raises them. */
    ContainerChanges changes() {
        return changes;
    }

    Clock clock() {
        return clock;
    }

    String nextEtag() {
        return etags.next();
    }

    Optional<StoredDocument> readLive(ContainerSpec spec, String partitionKey, String id)
            throws SQLException, JsonProcessingException {
        long now = clock.millis();
        return readRow(spec.name(), partitionKey, id).filter(row -> row.liveAt(spec, now)).map(Row::document);
    }

    /** The stored row, expired or not. */
    Optional<Row> readRow(String container, String partitionKey, String id) throws SQLException, JsonProcessingException {
        if (selectOne == null) {
            selectOne = connection.prepareStatement(SELECT_ONE);
        }
        selectOne.setString(1, container);
        selectOne.setString(2, partitionKey);
        selectOne.setString(3, id);
        // Closing the result set resets the statement, so a cached statement holds no read snapshot.
        try (ResultSet rs = selectOne.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            long writtenAt = rs.getLong(5);
            Integer ttl = rs.getObject(6) == null ? null : rs.getInt(6);
            return Optional.of(new Row(toDocument(rs), writtenAt, ttl));
        }
    }

    StoredDocument write(ContainerSpec spec, String partitionKey, String id, ObjectNode body)
            throws SQLException, JsonProcessingException {
        Row row = new Row(new StoredDocument(id, partitionKey, nextEtag(), body), clock.millis(), Documents.ttlOf(body));
        writeAll(List.of(new Write(spec.name(), row)));
        return row.document();
    }

    /** Writes every row with one prepared statement, in the caller's transaction. */
    void writeAll(Collection<Write> writes) throws SQLException, JsonProcessingException {
        if (writes.isEmpty()) {
            return;
        }
        if (upsert == null) {
            upsert = connection.prepareStatement(UPSERT);
        }
        Set<String> containers = new HashSet<>();
        for (Write w : writes) {
            containers.add(w.container());
            StoredDocument doc = w.row().document();
            upsert.setString(1, w.container());
            upsert.setString(2, doc.partitionKey());
            upsert.setString(3, doc.id());
            upsert.setString(4, doc.etag());
            upsert.setString(5, NODE_WRITER.writeValueAsString(doc.body()));
            upsert.setLong(6, w.row().writtenAtMs());
            upsert.setObject(7, w.row().docTtl());
            upsert.addBatch();
        }
        upsert.executeBatch();
        changes.bump(containers);
    }

    List<StoredDocument> select(SqlStatement sql) throws SQLException, JsonProcessingException {
        try (PreparedStatement s = sql.prepare(connection); ResultSet rs = s.executeQuery()) {
            return rows(rs, Map.of());
        }
    }

    /**
     * Runs a whole-container read (which pollers repeat many times a second, hence the statement is kept)
     * where a row whose etag is a key of {@code knownByEtag} is that document: only its etag is fetched.
     * Parsing the JSON was most of a listing's cost, and fetching columns (a JNI call and a string copy
     * each) most of the rest. Etags are unique per write, so an equal etag means equal content.
     */
    List<StoredDocument> selectAll(SqlStatement sql, Map<String, StoredDocument> knownByEtag)
            throws SQLException, JsonProcessingException {
        PreparedStatement s = readAll.get(sql.sql());
        if (s == null) {
            s = connection.prepareStatement(sql.sql());
            readAll.put(sql.sql(), s);
        }
        sql.bindTo(s);
        // Closing the result set resets the statement, so a kept statement holds no read snapshot.
        try (ResultSet rs = s.executeQuery()) {
            return rows(rs, knownByEtag);
        }
    }

    private static List<StoredDocument> rows(ResultSet rs, Map<String, StoredDocument> knownByEtag)
            throws SQLException, JsonProcessingException {
        List<StoredDocument> rows = new ArrayList<>();
        while (rs.next()) {
            StoredDocument known = knownByEtag.isEmpty() ? null : knownByEtag.get(rs.getString(3));
            rows.add(known != null ? known : toDocument(rs));
        }
        return rows;
    }

    void delete(String container, String partitionKey, String id) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "DELETE FROM documents WHERE container = ? AND pk = ? AND id = ?")) {
            s.setString(1, container);
            s.setString(2, partitionKey);
            s.setString(3, id);
            s.executeUpdate();
        }
        changes.bump(List.of(container));
    }

    /** Closes the cached statements; the caller closes the connection. */
    @Override
    public void close() throws SQLException {
        try (PreparedStatement a = selectOne; PreparedStatement b = upsert; ContainerChanges c = changes) {
            selectOne = null;
            upsert = null;
            for (PreparedStatement s : readAll.values()) {
                s.close();
            }
            readAll.clear();
        }
    }

    /** Reads columns pk, id, etag, body, which every select here starts with in that order. */
    private static StoredDocument toDocument(ResultSet rs) throws SQLException, JsonProcessingException {
        ObjectNode body = NODE_READER.readValue(rs.getString(4));
        return new StoredDocument(rs.getString(2), rs.getString(1), rs.getString(3), body);
    }
}
