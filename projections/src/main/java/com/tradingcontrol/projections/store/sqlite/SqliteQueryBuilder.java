package com.tradingcontrol.projections.store.sqlite;

import com.tradingcontrol.projections.store.ContainerSpec;
import com.tradingcontrol.projections.store.FieldPath;
import com.tradingcontrol.projections.store.Filter;
import com.tradingcontrol.projections.store.OrderBy;
import com.tradingcontrol.projections.store.Query;

/** Translates a port {@link Query} into SQLite SQL over the {@code documents} table using json_extract. */
final class SqliteQueryBuilder {

    private SqliteQueryBuilder() {
    }

    /** Selects pk, id, etag, body of one page; fetches one row more than the page to detect the end. */
    static SqlStatement page(ContainerSpec spec, Query query, long offset, long nowMillis) {
        SqlStatement s = new SqlStatement().append("SELECT pk, id, etag, body FROM documents WHERE container = ?", spec.name());
        if (!query.isCrossPartition()) {
            s.append(" AND pk = ?", query.partitionKey());
        }
        appendLive(s, spec, nowMillis);
        for (Filter filter : query.filters()) {
            s.append(" AND ");
            appendFilter(s, filter);
        }
        s.append(" ORDER BY ");
        OrderBy order = query.orderBy();
        if (order != null) {
            s.append("json_extract(body, ?) " + (order.direction() == OrderBy.Direction.ASC ? "ASC" : "DESC") + ", ",
                    jsonPath(order.field()));
        }
        // pk, id make the order total, so offsets address the same rows on every page.
        s.append("pk, id LIMIT ? OFFSET ?", query.pageSize() + 1, offset);
        return s;
    }

    /** Selects pk, id, etag, body of every live document of the container, in the order of {@link #page}. */
    static SqlStatement all(ContainerSpec spec, long nowMillis) {
        SqlStatement s = new SqlStatement().append("SELECT pk, id, etag, body FROM documents WHERE container = ?", spec.name());
        appendLive(s, spec, nowMillis);
        return s.append(" ORDER BY pk, id");
    }

    /**
     * Excludes expired documents: with TTL on for the container, a document lives until its last
     * write plus its own ttl or else the container default; -1 means forever (Cosmos DB semantics).
     */
    static void appendLive(SqlStatement s, ContainerSpec spec, long nowMillis) {
        Integer defaultTtl = spec.defaultTtlSeconds();
        if (defaultTtl == null) {
            return;
        }
        s.append(" AND (COALESCE(doc_ttl, ?) = -1 OR written_at_ms + COALESCE(doc_ttl, ?) * 1000 > ?)",
                defaultTtl, defaultTtl, nowMillis);
    }

    /** The rule of {@link #appendLive} for one row in hand (a point read or a write not yet flushed). */
    static boolean isLive(ContainerSpec spec, long writtenAtMs, Integer docTtl, long nowMillis) {
        Integer defaultTtl = spec.defaultTtlSeconds();
        if (defaultTtl == null) {
            return true;
        }
        long ttl = docTtl != null ? docTtl : defaultTtl;
        return ttl == -1 || writtenAtMs + ttl * 1000 > nowMillis;
    }

    private static void appendFilter(SqlStatement s, Filter filter) {
        String path = jsonPath(filter.field());
        switch (filter.op()) {
            case EQ -> appendComparison(s, path, "=", filter.value());
            case GTE -> appendComparison(s, path, ">=", filter.value());
            case LTE -> appendComparison(s, path, "<=", filter.value());
            case IN -> {
                s.append("(");
                for (int i = 0; i < filter.values().size(); i++) {
                    s.append(i == 0 ? "" : " OR ");
                    appendComparison(s, path, "=", filter.values().get(i));
                }
                s.append(")");
            }
        }
    }

    /**
     * Compares only values of the same JSON type, like Cosmos DB: SQLite alone would order every
     * number before every string and read JSON booleans as the integers 0 and 1.
     */
    private static void appendComparison(SqlStatement s, String path, String operator, Object value) {
        if (value instanceof Boolean b) {
            s.append("json_type(body, ?) = ?", path, b ? "true" : "false");
        } else if (value instanceof String) {
            s.append("(json_type(body, ?) = 'text' AND json_extract(body, ?) " + operator + " ?)", path, path, value);
        } else {
            s.append("(json_type(body, ?) IN ('integer', 'real') AND json_extract(body, ?) " + operator + " ?)",
                    path, path, value);
        }
    }

    static String jsonPath(FieldPath field) {
        // FieldPath segments are identifiers, so they need no quoting inside a JSON path.
        return "$." + field.dotted();
    }
}
