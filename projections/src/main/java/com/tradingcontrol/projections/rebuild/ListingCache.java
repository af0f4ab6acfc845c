package com.tradingcontrol.projections.rebuild;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.projections.projector.ProjectionContainer;
import com.tradingcontrol.projections.store.ProjectionStore;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Whole-container listings kept in memory until the store reports a committed write (its
 * {@link ProjectionStore#changeToken()}) or the active version changes. Dashboards poll the same
 * small containers many times a second; re-reading and re-parsing every document per request was
 * the main cost of those reads. A store without a change token is never cached. Only containers
 * without TTL belong here: an expiring document disappears without a write, so no token would move.
 */
final class ListingCache {

    private record Key(ProjectionContainer container, int version) {
    }

    private record Entry(long token, List<ObjectNode> documents) {
    }

    private final ProjectionStore store;
    /** One entry per container and version; older versions' entries are dropped when a newer one is stored. */
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    ListingCache(ProjectionStore store) {
        this.store = store;
    }

    /**
     * The cached listing of {@code container} in {@code version}, or {@code load}'s when the store
     * changed since. The token is read before loading, so a listing is never filed under a token newer
     * than its data: a write committed during the load changes the token and the next call reloads.
     */
    List<ObjectNode> get(ProjectionContainer container, int version, Supplier<List<ObjectNode>> load) {
        OptionalLong token = store.changeToken();
        if (token.isEmpty()) {
            return load.get();
        }
        Key key = new Key(container, version);
        Entry entry = entries.get(key);
        if (entry != null && entry.token() == token.getAsLong()) {
            return entry.documents();
        }
        List<ObjectNode> documents = List.copyOf(load.get());
        entries.keySet().removeIf(k -> k.container() == container && k.version() != version);
        entries.put(key, new Entry(token.getAsLong(), documents));
        return documents;
    }
}
