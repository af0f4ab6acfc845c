package com.tradingcontrol.projections.store.sqlite;

import com.tradingcontrol.projections.store.ContainerSpec;
import com.tradingcontrol.projections.store.NotFoundException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code containers} table plus an in-memory copy; callers hold the store's lock and own the transaction.
 * Creating, re-configuring (TTL decides which documents are live), dropping and purging a container
 * each raise its change counter.
 */
final class SqliteContainers {

    private final Connection connection;
    private final ContainerChanges changes;
    private final Map<String, ContainerSpec> known = new ConcurrentHashMap<>();

    SqliteContainers(Connection connection, ContainerChanges changes) throws SQLException {
        this.connection = connection;
        this.changes = changes;
        try (PreparedStatement s = connection.prepareStatement("SELECT name, pk_path, default_ttl FROM containers");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Integer ttl = rs.getObject("default_ttl") == null ? null : rs.getInt("default_ttl");
                known.put(rs.getString("name"), new ContainerSpec(rs.getString("name"), rs.getString("pk_path"), ttl));
            }
        }
    }

    /** The spec when this process knows the container, without touching the database; else null. */
    ContainerSpec cached(String name) {
        return known.get(name);
    }

    ContainerSpec require(String name) throws SQLException {
        ContainerSpec spec = known.get(name);
        if (spec == null) {
            spec = lookUp(name);
        }
        if (spec == null) {
            throw new NotFoundException("container " + name + " does not exist");
        }
        return spec;
    }

    /**
     * Another process sharing the file (e.g. a rebuild run from the command line next to a running
     * projector) may have created the container since this one loaded its list.
     */
    private ContainerSpec lookUp(String name) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT pk_path, default_ttl FROM containers WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Integer ttl = rs.getObject("default_ttl") == null ? null : rs.getInt("default_ttl");
                ContainerSpec spec = new ContainerSpec(name, rs.getString("pk_path"), ttl);
                known.put(name, spec);
                return spec;
            }
        }
    }

    /** Creates the container, or updates the default TTL of an existing one (its documents stay). */
    void createOrUpdate(ContainerSpec spec) throws SQLException {
        ContainerSpec existing = known.get(spec.name());
        if (existing != null && !existing.partitionKeyPath().equals(spec.partitionKeyPath())) {
            throw new IllegalArgumentException("container " + spec.name() + " is partitioned by "
                    + existing.partitionKeyPath() + ", not " + spec.partitionKeyPath() + "; a partition key cannot change");
        }
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT OR REPLACE INTO containers (name, pk_path, default_ttl) VALUES (?, ?, ?)")) {
            s.setString(1, spec.name());
            s.setString(2, spec.partitionKeyPath());
            s.setObject(3, spec.defaultTtlSeconds());
            s.executeUpdate();
        }
        changes.bump(List.of(spec.name()));
        known.put(spec.name(), spec);
    }

    void delete(String name) throws SQLException {
        for (String sql : new String[] {"DELETE FROM documents WHERE container = ?", "DELETE FROM containers WHERE name = ?"}) {
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                s.setString(1, name);
                s.executeUpdate();
            }
        }
        changes.bump(List.of(name));
        known.remove(name);
    }

    /** Deletes expired documents of every container with TTL on; returns how many. */
    int purgeExpired(long nowMillis) throws SQLException {
        int purged = 0;
        for (ContainerSpec spec : known.values()) {
            if (spec.defaultTtlSeconds() == null) {
                continue;
            }
            try (PreparedStatement s = connection.prepareStatement("""
                    DELETE FROM documents WHERE container = ?
                      AND COALESCE(doc_ttl, ?) <> -1 AND written_at_ms + COALESCE(doc_ttl, ?) * 1000 <= ?""")) {
                s.setString(1, spec.name());
                s.setInt(2, spec.defaultTtlSeconds());
                s.setInt(3, spec.defaultTtlSeconds());
                s.setLong(4, nowMillis);
                int deleted = s.executeUpdate();
                if (deleted > 0) {
                    changes.bump(List.of(spec.name()));
                }
                purged += deleted;
            }
        }
        return purged;
    }
}
