package com.tradingcontrol.projections.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

/**
 * A change counter per container in the {@code container_changes} table: every write transaction that
 * changes a container's documents (or the container itself) raises its counter once, in the same
 * transaction, so a reader on any connection - this process or another one sharing the file - sees
 * the counter move exactly when the committed contents did. That lets a reader keep a container's
 * listing while other containers (audit, outcomes) are written all the time.
 *
 * <p>The counter is raised explicitly by the store's write paths rather than by a trigger on
 * {@code documents}: a trigger runs once per row, which cost replays (thousands of rows per
 * transaction) about half again their write time; once per container and transaction is noise. The
 * price: a hand edit of the file (the {@code sqlite3} tool) does not move the counter, so readers
 * keep their listing until the next write through a store. A row is never deleted, so a container
 * dropped and created again continues its count instead of repeating an old value.
 *
 * <p>One instance per connection; callers hold that connection's lock.
 */
final class ContainerChanges implements AutoCloseable {

    private static final String BUMP = """
            INSERT INTO container_changes (container, changes) VALUES (?, 1)
            ON CONFLICT (container) DO UPDATE SET changes = changes + 1""";
    private static final String READ = "SELECT changes FROM container_changes WHERE container = ?";

    private final Connection connection;
    private PreparedStatement bump;
    private PreparedStatement read;

    ContainerChanges(Connection connection) {
        this.connection = connection;
    }

    static void createTable(Statement s) throws SQLException {
        s.executeUpdate("""
                CREATE TABLE IF NOT EXISTS container_changes (
                  container TEXT PRIMARY KEY,
                  changes INTEGER NOT NULL) WITHOUT ROWID""");
    }

    /** Raises the counter of each container once; in the caller's write transaction. */
    void bump(Collection<String> containers) throws SQLException {
        if (bump == null) {
            bump = connection.prepareStatement(BUMP);
        }
        for (String container : containers) {
            bump.setString(1, container);
            bump.executeUpdate();
        }
    }

    /** The container's counter as last committed (0 for a container never changed). */
    long read(String container) throws SQLException {
        if (read == null) {
            read = connection.prepareStatement(READ);
        }
        read.setString(1, container);
        // Closing the result set resets the statement, so the cached statement holds no read snapshot.
        try (ResultSet rs = read.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    @Override
    public void close() throws SQLException {
        try (PreparedStatement a = bump; PreparedStatement b = read) {
            bump = null;
            read = null;
        }
    }
}
