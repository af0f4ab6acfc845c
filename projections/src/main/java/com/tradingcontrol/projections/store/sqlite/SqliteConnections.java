package com.tradingcontrol.projections.store.sqlite;

import com.tradingcontrol.projections.store.ProjectionStoreException;
import com.tradingcontrol.projections.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Opening the single connection with the pragmas the store relies on, and translating its errors. */
final class SqliteConnections {

    /** Result codes that mean "the database is there but cannot serve right now". */
    private static final Set<SQLiteErrorCode> TRANSIENT = Set.of(
            SQLiteErrorCode.SQLITE_BUSY, SQLiteErrorCode.SQLITE_LOCKED, SQLiteErrorCode.SQLITE_IOERR,
            SQLiteErrorCode.SQLITE_FULL, SQLiteErrorCode.SQLITE_CANTOPEN, SQLiteErrorCode.SQLITE_READONLY);

    private SqliteConnections() {
    }

    static Connection open(String url, boolean wal) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        if (wal) {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            // NORMAL is durable in WAL mode except for the last commits on power loss; the log can replay them.
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        }
        config.setBusyTimeout(5_000);
        // Auto-commit stays on: the store opens its own BEGIN IMMEDIATE ... COMMIT around each operation.
        // With auto-commit off the driver begins the next transaction right after every commit, so an idle
        // store held the write lock for good and no other process could write to (or open) the file.
        return config.createConnection(url);
    }

    static ProjectionStoreException translate(SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            SQLiteErrorCode code = sqlite.getResultCode();
            boolean transientFailure = TRANSIENT.stream().anyMatch(t -> (code.code & 0xff) == t.code);
            if (transientFailure) {
                return new StoreUnavailableException("embedded store unavailable: " + e.getMessage(), e);
            }
        }
        if (e.getMessage() != null && e.getMessage().contains("database connection closed")) {
            return new StoreUnavailableException("embedded store is closed", e);
        }
        return new ProjectionStoreException("embedded store failed: " + e.getMessage(), e);
    }
}
