package com.tradingcontrol.projections.rebuild;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.projections.projector.ContainerNames;
import com.tradingcontrol.projections.projector.ProjectionContainer;
import com.tradingcontrol.projections.store.ProjectionStore;
import com.tradingcontrol.projections.store.StoredDocument;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whole-container listings kept in memory until the store reports a committed write to that container
 * ({@link ProjectionStore#changeToken(String)}) or the active version changes. Dashboards poll the same
 * small containers many times a second while the projector writes audit records and outcomes all the
 * time, so the token is per container: those writes leave the trading-control listing alone.
 *
 * <p>When the container did change (under load it changes between most polls, a few documents at a
 * time), it is read again but only the changed documents are parsed: the others keep the body of the
 * previous listing, found by etag. Cost then follows what changed, not the container size, and an
 * unchanged document stays the same instance from listing to listing, so callers can cache what they
 * derive from it by identity. Documents are shared between callers and must not be modified.
 *
 * <p>A store without a change token is never cached. Only containers without TTL belong here: an
 * expiring document disappears without a write, so no token would move.
 */
final class ListingCache {

    private record Key(ProjectionContainer container, int version) {
    }

    private record Entry(long token, List<ObjectNode> documents, Map<String, StoredDocument> byEtag) {

        static Entry of(long token, List<StoredDocument> read) {
            Map<String, StoredDocument> byEtag = new HashMap<>(read.size() * 4 / 3 + 1);
            read.forEach(d -> byEtag.put(d.etag(), d));
            return new Entry(token, read.stream().map(StoredDocument::body).toList(), byEtag);
        }
    }

    private final ProjectionStore store;
    /** One entry per container and version; older versions' entries are dropped when a newer one is stored. */
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    ListingCache(ProjectionStore store) {
        this.store = store;
    }

    /**
     * The listing of {@code container} in {@code names}' version: the cached one while the container's
     * token is unchanged, else read again. The token is read before the documents, so a listing is never
     * filed under a token newer than its data: a write committed during the read moves the token and the
     * next call reads again. Two callers reading at once both get a correct listing; the last one is kept.
     */
    List<ObjectNode> get(ContainerNames names, ProjectionContainer container) {
        String name = names.name(container);
        OptionalLong token = store.changeToken(name);
        if (token.isEmpty()) {
            return store.readAll(name, Map.of()).stream().map(StoredDocument::body).toList();
        }
        Key key = new Key(container, names.version());
        Entry entry = entries.get(key);
        if (entry != null && entry.token() == token.getAsLong()) {
            return entry.documents();
        }
        Entry fresh = Entry.of(token.getAsLong(), store.readAll(name, entry == null ? Map.of() : entry.byEtag()));
        entries.keySet().removeIf(k -> k.container() == container && k.version() != names.version());
        entries.put(key, fresh);
        return fresh.documents();
    }
}
