package com.tradingcontrol.projections.store;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable query: optional partition key (null = across partitions), filters combined with
 * AND, an optional sort, a page size and the continuation token of the previous page (null = first).
 * Build it fluently: {@code Query.inPartition("p1").where(Filter.eq("status", "PAUSED")).pageSize(50)}.
 */
public record Query(String partitionKey, List<Filter> filters, OrderBy orderBy, int pageSize, String continuation) {

    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int MAX_PAGE_SIZE = 1000;

    public Query {
        filters = List.copyOf(filters);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be 1.." + MAX_PAGE_SIZE + ": " + pageSize);
        }
    }

    public static Query crossPartition() {
        return new Query(null, List.of(), null, DEFAULT_PAGE_SIZE, null);
    }

    public static Query inPartition(String partitionKey) {
        if (partitionKey == null) {
            throw new IllegalArgumentException("partitionKey must not be null; use crossPartition()");
        }
        return new Query(partitionKey, List.of(), null, DEFAULT_PAGE_SIZE, null);
    }

    public Query where(Filter filter) {
        List<Filter> more = new ArrayList<>(filters);
        more.add(filter);
        return new Query(partitionKey, more, orderBy, pageSize, continuation);
    }

    public Query orderBy(OrderBy order) {
        return new Query(partitionKey, filters, order, pageSize, continuation);
    }

    public Query pageSize(int size) {
        return new Query(partitionKey, filters, orderBy, size, continuation);
    }

    public Query continuation(String token) {
        return new Query(partitionKey, filters, orderBy, pageSize, token);
    }

    public boolean isCrossPartition() {
        return partitionKey == null;
    }
}
