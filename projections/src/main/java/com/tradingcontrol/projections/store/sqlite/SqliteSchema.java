package com.tradingcontrol.projections.store.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Tables of the embedded store. All containers share one {@code documents} table keyed by
 * (container, pk, id) rather than a table per container: container names then stay data (bound
 * parameters, never SQL identifiers built from input), creating and dropping a container needs no
 * DDL, and rebuild versions of a container are just new names.
 */
final class SqliteSchema {

    private SqliteSchema() {
    }

    static void create(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("""
                    CREATE TABLE IF NOT EXISTS containers (
                      name TEXT PRIMARY KEY,
                      pk_path TEXT NOT NULL,
                      default_ttl INTEGER)""");
            s.executeUpdate("""
                    CREATE TABLE IF NOT EXISTS documents (
                      container TEXT NOT NULL,
                      pk TEXT NOT NULL,
                      id TEXT NOT NULL,
                      etag TEXT NOT NULL,
                      body TEXT NOT NULL,
                      written_at_ms INTEGER NOT NULL,
                      doc_ttl INTEGER,
                      PRIMARY KEY (container, pk, id)) WITHOUT ROWID""");
            ContainerChanges.createTable(s);
        }
    }
}
