package com.tradingcontrol.projections.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Row-level access to the {@code documents} table; callers hold the store's lock and own the transaction. */
final class SqliteDocumentTable {

    private final Connection connection;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();

    SqliteDocumentTable(Connection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    Optional<StoredDocument> readLive(ContainerSpec spec, String partitionKey, String id)
            throws SQLException, JsonProcessingException {
        SqlStatement sql = new SqlStatement().append(
                "SELECT pk, id, etag, body FROM documents WHERE container = ? AND pk = ? AND id = ?",
                spec.name(), partitionKey, id);
        SqliteQueryBuilder.appendLive(sql, spec, clock.millis());
        try (PreparedStatement s = sql.prepare(connection); ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(toDocument(rs)) : Optional.empty();
        }
    }

    StoredDocument write(ContainerSpec spec, String partitionKey, String id, ObjectNode body)
            throws SQLException, JsonProcessingException {
        String etag = UUID.randomUUID().toString();
        try (PreparedStatement s = connection.prepareStatement("""
                INSERT OR REPLACE INTO documents (container, pk, id, etag, body, written_at_ms, doc_ttl)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            s.setString(1, spec.name());
            s.setString(2, partitionKey);
            s.setString(3, id);
            s.setString(4, etag);
            s.setString(5, mapper.writeValueAsString(body));
            s.setLong(6, clock.millis());
            s.setObject(7, Documents.ttlOf(body));
            s.executeUpdate();
        }
        return new StoredDocument(id, partitionKey, etag, body);
    }

    List<StoredDocument> select(SqlStatement sql) throws SQLException, JsonProcessingException {
        List<StoredDocument> rows = new ArrayList<>();
        try (PreparedStatement s = sql.prepare(connection); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(toDocument(rs));
            }
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
    }

    private StoredDocument toDocument(ResultSet rs) throws SQLException, JsonProcessingException {
        ObjectNode body = (ObjectNode) mapper.readTree(rs.getString("body"));
        return new StoredDocument(rs.getString("id"), rs.getString("pk"), rs.getString("etag"), body);
    }
}
