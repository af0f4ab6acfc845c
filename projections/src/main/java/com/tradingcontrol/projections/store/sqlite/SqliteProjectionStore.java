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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The embedded {@link ProjectionStore}: one SQLite file in WAL mode (inspectable with the
 * {@code sqlite3} tool while running), or a private in-memory database for tests.
 *
 * <p>Writes go through one connection guarded by a lock: every write, including each check-then-write
 * of a conditional write, runs under the lock in one IMMEDIATE transaction, so conditions are atomic
 * within this process and against other processes opening the same file. Between operations no
 * transaction is open, so an idle store holds no lock on the file. {@link #inBatch} runs many
 * operations in one such transaction, serving its reads and buffering its writes in
 * {@link BatchDocuments} until the commit. A file store reads through a second connection with its own
 * lock: WAL lets it read the last committed state while a write or a batch is in progress, so API
 * reads never queue behind the projector.
 *
 * <p>{@link #changeToken()} is SQLite's {@code PRAGMA data_version} on the read connection, which
 * changes whenever another connection (this store's writer or another process) commits; an in-memory
 * store counts its own committed writes instead. {@link #changeToken(String)} is a counter per container
 * kept in the file by every write ({@link ContainerChanges}), so readers of one container are not
 * disturbed by writes to the others.
 */
public final class SqliteProjectionStore implements ProjectionStore {

    private final Connection connection;
    private final SqliteContainers containers;
    private final Clock clock;
    private final SqliteDocumentTable documents;
    private final ReentrantLock lock = new ReentrantLock();
    /** Null for an in-memory store, whose database no second connection can see; reads then take {@link #lock}. */
    private final Connection readConnection;
    private final SqliteDocumentTable readDocuments;
    private final ReentrantLock readLock = new ReentrantLock();
    /** Guarded by {@link #lock}: non-null while a batch's transaction is open, so single operations join it. */
    private BatchDocuments batch;
    /** Committed write transactions of this store; the change token of an in-memory store. */
    private final AtomicLong commits = new AtomicLong();

    private SqliteProjectionStore(Connection connection, Connection readConnection, Clock clock) throws SQLException {
        this.connection = connection;
        this.clock = clock;
        SqliteSchema.create(connection);
        this.documents = new SqliteDocumentTable(connection, clock);
        this.containers = new SqliteContainers(connection, documents.changes());
        this.readConnection = readConnection;
        this.readDocuments = readConnection == null ? null : new SqliteDocumentTable(readConnection, clock);
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

    private static SqliteProjectionStore connect(String url, boolean file, Clock clock) {
        Connection writer = null;
        try {
            writer = SqliteConnections.open(url, file);
            // The writer created the file and schema first, so the reader opens an initialised database.
            Connection reader = file ? SqliteConnections.open(url, true) : null;
            return new SqliteProjectionStore(writer, reader, clock);
        } catch (SQLException e) {
            closeQuietly(writer, e);
            throw new StoreUnavailableException("cannot open embedded store " + url + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} in one IMMEDIATE transaction: everything it does through the store it is given
     * commits together or not at all, and other writers (threads or processes) wait until it ends.
     */
    @Override
    public <T> T inBatch(Function<ProjectionStore, T> work) {
        return written(() -> {
            if (batch != null) {
                // Nested in this thread's open batch: part of that one.
                return work.apply(this);
            }
            batch = new BatchDocuments(documents);
            try {
                T result = work.apply(this);
                batch.flush();
                return result;
            } finally {
                batch = null;
            }
        });
    }

    @Override
    public void createContainerIfAbsent(ContainerSpec spec) {
        written(() -> {
            settleBatch();
            containers.createOrUpdate(spec);
            return null;
        });
    }

    @Override
    public void deleteContainer(String container) {
        ContainerSpec.requireValidName(container);
        written(() -> {
            settleBatch();
            containers.delete(container);
            return null;
        });
    }

    @Override
    public Optional<StoredDocument> read(String container, String partitionKey, String id) {
        ContainerSpec known = readerMay(container);
        if (known != null) {
            return readLocked(() -> readDocuments.readLive(known, partitionKey, id));
        }
        return locked(() -> readLive(containers.require(container), partitionKey, id));
    }

    @Override
    public StoredDocument upsert(String container, String partitionKey, ObjectNode doc, WriteCondition condition) {
        return upsert(container, partitionKey, doc, condition, false);
    }

    /** In a batch the document itself is kept until the flush: a replay saves a deep copy per event. */
    @Override
    public void upsertHandedOver(String container, String partitionKey, ObjectNode doc, WriteCondition condition) {
        upsert(container, partitionKey, doc, condition, true);
    }

    private StoredDocument upsert(String container, String partitionKey, ObjectNode doc, WriteCondition condition,
                                  boolean handedOver) {
        return written(() -> {
            ContainerSpec spec = containers.require(container);
            String id = Documents.validateForWrite(doc, spec, partitionKey);
            Optional<StoredDocument> current = batch != null ? batch.peekLive(spec, partitionKey, id)
                    : documents.readLive(spec, partitionKey, id);
            checkCondition(condition, current, container, partitionKey, id);
            if (batch != null) {
                return handedOver ? batch.keep(spec, partitionKey, id, doc) : batch.write(spec, partitionKey, id, doc);
            }
            return documents.write(spec, partitionKey, id, Documents.withoutSystemFields(doc));
        });
    }

    @Override
    public void delete(String container, String partitionKey, String id, WriteCondition condition) {
        if (condition.kind() == WriteCondition.Kind.IF_ABSENT) {
            throw new IllegalArgumentException("IF_ABSENT makes no sense for a delete");
        }
        written(() -> {
            settleBatch();
            ContainerSpec spec = containers.require(container);
            Optional<StoredDocument> current = documents.readLive(spec, partitionKey, id);
            if (current.isEmpty()) {
                throw new NotFoundException(describe(container, partitionKey, id) + " does not exist");
            }
            checkCondition(condition, current, container, partitionKey, id);
            documents.delete(container, partitionKey, id);
            return null;
        });
    }

    @Override
    public Page query(String container, Query query) {
        long offset = OffsetContinuation.decode(query.continuation());
        List<StoredDocument> rows = select(container,
                (table, spec) -> table.select(SqliteQueryBuilder.page(spec, query, offset, clock.millis())));
        if (rows.size() <= query.pageSize()) {
            return new Page(rows, null);
        }
        return new Page(rows.subList(0, query.pageSize()), OffsetContinuation.encode(offset + query.pageSize()));
    }

    /** One statement for the whole container (no offset paging); of a known document only the etag is fetched. */
    @Override
    public List<StoredDocument> readAll(String container, Map<String, StoredDocument> knownByEtag) {
        return select(container, (table, spec) -> table.selectAll(SqliteQueryBuilder.all(spec, clock.millis()), knownByEtag));
    }

    /** Runs {@code read} on the read connection when it may serve it (see {@link #readerMay}), else on the writer's. */
    private List<StoredDocument> select(String container, TableRead read) {
        ContainerSpec known = readerMay(container);
        if (known != null) {
            return readLocked(() -> read.run(readDocuments, known));
        }
        return locked(() -> {
            settleBatch();
            return read.run(documents, containers.require(container));
        });
    }

    /**
     * The container's spec when the read connection may serve this read: a file store, a container this
     * process knows (looking one up needs the writer's connection), and not inside this thread's batch
     * (which must see its own uncommitted writes).
     */
    private ContainerSpec readerMay(String container) {
        if (readConnection == null || lock.isHeldByCurrentThread()) {
            return null;
        }
        return containers.cached(container);
    }

    /** Deletes expired documents; reads never return them anyway, this only reclaims space. */
    public int purgeExpired() {
        return written(() -> {
            settleBatch();
            return containers.purgeExpired(clock.millis());
        });
    }

    @Override
    public OptionalLong changeToken() {
        if (readConnection == null) {
            return OptionalLong.of(commits.get());
        }
        return OptionalLong.of(readLocked(() -> {
            try (Statement s = readConnection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA data_version")) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    /**
     * The container's change counter ({@link ContainerChanges}) as last committed: on the read connection
     * for a file store, so it never waits for the writer. Empty inside this thread's open batch, whose
     * reads see writes that may still roll back: nothing read there may be cached under a committed token.
     */
    @Override
    public OptionalLong changeToken(String container) {
        if (lock.isHeldByCurrentThread()) {
            return OptionalLong.empty();
        }
        if (readConnection == null) {
            return OptionalLong.of(locked(() -> documents.changes().read(container)));
        }
        return OptionalLong.of(readLocked(() -> readDocuments.changes().read(container)));
    }

    @Override
    public void close() {
        lock.lock();
        readLock.lock();
        try {
            if (readConnection != null) {
                readDocuments.close();
                readConnection.close();
            }
            documents.close();
            connection.close();
        } catch (SQLException e) {
            throw new StoreUnavailableException("closing embedded store failed: " + e.getMessage(), e);
        } finally {
            readLock.unlock();
            lock.unlock();
        }
    }

    private Optional<StoredDocument> readLive(ContainerSpec spec, String partitionKey, String id)
            throws SQLException, JsonProcessingException {
        return batch != null ? batch.readLive(spec, partitionKey, id) : documents.readLive(spec, partitionKey, id);
    }

    /** Operations that work on the table itself first give it the open batch's buffered writes. */
    private void settleBatch() throws SQLException, JsonProcessingException {
        if (batch != null) {
            batch.flush();
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
        return locked(work, false);
    }

    /** Like {@link #locked(SqlWork)} for work that writes: counts the commit once it has happened. */
    private <T> T written(SqlWork<T> work) {
        return locked(work, true);
    }

    /** Runs {@code work} in its own IMMEDIATE transaction, or inside the open batch's. */
    private <T> T locked(SqlWork<T> work, boolean writes) {
        lock.lock();
        try {
            if (batch != null) {
                // The enclosing batch owns the transaction, rolls all of it back if it fails, and counts its commit.
                return work.run();
            }
            T result = transaction(work);
            // Counted only after COMMIT: a reader that sees the new count also sees the committed data.
            if (writes) {
                commits.incrementAndGet();
            }
            return result;
        } catch (SQLException e) {
            throw SqliteConnections.translate(e);
        } catch (JsonProcessingException e) {
            throw new ProjectionStoreException("stored document is not valid JSON: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private <T> T transaction(SqlWork<T> work) throws SQLException, JsonProcessingException {
        execute("BEGIN IMMEDIATE");
        try {
            T result = work.run();
            execute("COMMIT");
            return result;
        } catch (Throwable e) {
            rollbackQuietly(e);
            throw e;
        }
    }

    private <T> T readLocked(SqlWork<T> work) {
        readLock.lock();
        try {
            return work.run();
        } catch (SQLException e) {
            throw SqliteConnections.translate(e);
        } catch (JsonProcessingException e) {
            throw new ProjectionStoreException("stored document is not valid JSON: " + e.getMessage(), e);
        } finally {
            readLock.unlock();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private void rollbackQuietly(Throwable cause) {
        try {
            execute("ROLLBACK");
        } catch (SQLException rollbackFailure) {
            // The original failure is what the caller must see; keep the rollback failure attached to it.
            cause.addSuppressed(rollbackFailure);
        }
    }

    private static void closeQuietly(Connection opened, Exception cause) {
        if (opened == null) {
            return;
        }
        try {
            opened.close();
        } catch (SQLException closeFailure) {
            cause.addSuppressed(closeFailure);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException, JsonProcessingException;
    }

    @FunctionalInterface
    private interface TableRead {
        List<StoredDocument> run(SqliteDocumentTable table, ContainerSpec spec) throws SQLException, JsonProcessingException;
    }
}
