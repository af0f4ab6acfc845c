package com.tradingcontrol.projections.store;

import java.util.List;

/** One page of query results; {@code continuation} is null when there is nothing more to read. */
public record Page(List<StoredDocument> items, String continuation) {

    public Page {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return continuation != null;
    }
}
