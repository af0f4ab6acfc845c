package com.tradingcontrol.projections.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.projections.store.ConflictException;
import com.tradingcontrol.projections.store.ContainerSpec;
import com.tradingcontrol.projections.store.Documents;
import com.tradingcontrol.projections.store.NotFoundException;
import com.tradingcontrol.projections.store.Page;
import com.tradingcontrol.projections.store.PreconditionFailedException;
import com.tradingcontrol.projections.store.ProjectionStore;
import com.tradingcontrol.projections.store.ProjectionStoreException;
import com.tradingcontrol.projections.store.Query;
import com.tradingcontrol.projections.store.StoreUnavailableException;
import com.tradingcontrol.projections.store.StoredDocument;
import com.tradingcontrol.projections.store.WriteCondition;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embedded {@link ProjectionStore}: one SQLite file in WAL mode (inspectable with the
 * {@code sqlite3} tool while running), or a private in-memory database for tests.
 *
 * <p>One connection guarded by a lock: every operation, including each check-then-write of a
 * conditional write, runs under the lock and in one IMMEDIATE transaction, so conditions are atomic
 * within this process and against other processes opening the same file.
 */
public final class SqliteProjectionStore implements ProjectionStore {

    private final Connection connection;
    private final SqliteContainers containers;
    private final Clock clock;
    private final SqliteDocumentTable documents;
    private final ReentrantLock lock = new ReentrantLock();

    private SqliteProjectionStore(Connection connection, Clock clock) throws SQLException {
        this.connection = connection;
        this.clock = clock;
        SqliteSchema.create(connection);
        this.containers = new SqliteContainers(connection);
        this.documents = new SqliteDocumentTable(connection, clock);
    }

    /** Opens (creating if needed) the store in {@code file}; the parent directory must exist. */
    public static SqliteProjectionStore open(Path file) {
        return open(file, Clock.systemUTC());
    }

    public static SqliteProjectionStore open(Path file, Clock clock) {
        return connect("jdbc:sqlite:" + file.toAbsolutePath(), true, clock);
    }

    /** A private in-memory store that vanishes on {@link #close()}. */
    public static SqliteProjectionStore inMemory() {
        return connect("jdbc:sqlite::memory:", false, Clock.systemUTC());
    }

    private static SqliteProjectionStore connect(String url, boolean wal, Clock clock) {
        try {
            return new SqliteProjectionStore(SqliteConnections.open(url, wal), clock);
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot open embedded store " + url + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void createContainerIfAbsent(ContainerSpec spec) {
        locked(() -> {
            containers.createOrUpdate(spec);
            return null;
        });
    }

    @Override
    public void deleteContainer(String container) {
        ContainerSpec.requireValidName(container);
        locked(() -> {
            containers.delete(container);
            return null;
        });
    }

    @Override
    public Optional<StoredDocument> read(String container, String partitionKey, String id) {
        return locked(() -> {
            ContainerSpec spec = containers.require(container);
            Optional<StoredDocument> doc = documents.readLive(spec, partitionKey, id);
            connection.commit();
            return doc;
        });
    }

    @Override
    public StoredDocument upsert(String container, String partitionKey, ObjectNode doc, WriteCondition condition) {
        return locked(() -> {
            ContainerSpec spec = containers.require(container);
            String id = Documents.validateForWrite(doc, spec, partitionKey);
            checkCondition(condition, documents.readLive(spec, partitionKey, id), container, partitionKey, id);
            StoredDocument written = documents.write(spec, partitionKey, id, Documents.withoutSystemFields(doc));
            connection.commit();
            return written;
        });
    }

    @Override
    public void delete(String container, String partitionKey, String id, WriteCondition condition) {
        if (condition.kind() == WriteCondition.Kind.IF_ABSENT) {
            throw new IllegalArgumentException("IF_ABSENT makes no sense for a delete");
        }
        locked(() -> {
            ContainerSpec spec = containers.require(container);
            Optional<StoredDocument> current = documents.readLive(spec, partitionKey, id);
            if (current.isEmpty()) {
                throw new NotFoundException(describe(container, partitionKey, id) + " does not exist");
            }
            checkCondition(condition, current, container, partitionKey, id);
            documents.delete(container, partitionKey, id);
            connection.commit();
            return null;
        });
    }

    @Override
    public Page query(String container, Query query) {
        long offset = OffsetContinuation.decode(query.continuation());
        return locked(() -> {
            ContainerSpec spec = containers.require(container);
            List<StoredDocument> rows = documents.select(SqliteQueryBuilder.page(spec, query, offset, clock.millis()));
            connection.commit();
            if (rows.size() <= query.pageSize()) {
                return new Page(rows, null);
            }
            return new Page(rows.subList(0, query.pageSize()), OffsetContinuation.encode(offset + query.pageSize()));
        });
    }

    /** Deletes expired documents; reads never return them anyway, this only reclaims space. */
    public int purgeExpired() {
        return locked(() -> {
            int purged = containers.purgeExpired(clock.millis());
            connection.commit();
            return purged;
        });
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreUnavailableException("closing embedded store failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private static void checkCondition(WriteCondition condition, Optional<StoredDocument> current,
                                       String container, String partitionKey, String id) {
        switch (condition.kind()) {
            case NONE -> { }
            case IF_ABSENT -> {
                if (current.isPresent()) {
                    throw new ConflictException(describe(container, partitionKey, id) + " already exists");
                }
            }
            case IF_MATCH -> {
                if (current.isEmpty() || !current.get().etag().equals(condition.etag())) {
                    throw new PreconditionFailedException(describe(container, partitionKey, id)
                            + (current.isEmpty() ? " does not exist" : " has a different etag"));
                }
            }
        }
    }

    private static String describe(String container, String partitionKey, String id) {
        return "document " + container + "/" + partitionKey + "/" + id;
    }

    private <T> T locked(SqlWork<T> work) {
        lock.lock();
        try {
            return work.run();
        } catch (SQLException e) {
            rollbackQuietly(e);
            throw SqliteConnections.translate(e);
        } catch (JsonProcessingException e) {
            rollbackQuietly(e);
            throw new ProjectionStoreException("stored document is not valid JSON: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollbackQuietly(e);
            throw e;
        } finally {
            lock.unlock();
        }
    }

    private void rollbackQuietly(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            // The original failure is what the caller must see; keep the rollback failure attached to it.
            cause.addSuppressed(rollbackFailure);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException, JsonProcessingException;
    }
}
