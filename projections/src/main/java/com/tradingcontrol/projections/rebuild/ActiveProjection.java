package com.tradingcontrol.projections.rebuild;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.projections.projector.ContainerNames;
import com.tradingcontrol.projections.projector.DocumentIds;
import com.tradingcontrol.projections.projector.ProjectionContainer;
import com.tradingcontrol.projections.store.NotFoundException;
import com.tradingcontrol.projections.store.Page;
import com.tradingcontrol.projections.store.ProjectionStore;
import com.tradingcontrol.projections.store.Query;
import com.tradingcontrol.projections.store.StoredDocument;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The read side: resolves the active projection version through the pointer (cached for a short
 * time) and reads documents from that version's containers. Each call resolves the version once,
 * so a call sees either the old or the new version, never a mix. Continuation tokens carry their
 * version, so paging stays on one version even across a switch.
 *
 * <p>The whole-container listings ({@link #controlScopes()}, {@link #configs()}) are served from
 * memory until the store reports a committed write to that container (see {@link ListingCache}); the
 * documents they return are shared between callers and must not be modified. The same list instance
 * is returned while nothing changed, and an unchanged document keeps its instance across listings, so
 * callers may cache what they derive from either by identity.
 */
public final class ActiveProjection {

    /** One page of documents; pass {@code continuation} back for the next, null = no more. */
    public record ResultPage(List<ObjectNode> items, String continuation) {
    }

    private record Cached(int version, long fetchedAt) {
    }

    private static final int LIST_PAGE = 1000;

    private final ProjectionStore store;
    private final ProjectionMeta meta;
    private final Duration cacheTtl;
    private final Clock clock;
    private final ListingCache listings;
    private volatile Cached cached;

    public ActiveProjection(ProjectionStore store, String prefix, Duration cacheTtl) {
        this(store, prefix, cacheTtl, Clock.systemUTC());
    }

    public ActiveProjection(ProjectionStore store, String prefix, Duration cacheTtl, Clock clock) {
        this.store = store;
        this.meta = new ProjectionMeta(store, prefix, clock);
        this.cacheTtl = cacheTtl;
        this.clock = clock;
        this.listings = new ListingCache(store);
    }

    /** The active version (0 while no projector has initialised the store). */
    public int activeVersion() {
        Cached c = cached;
        if (c == null || clock.millis() - c.fetchedAt() >= cacheTtl.toMillis()) {
            c = fetch();
        }
        return c.version();
    }

    public Optional<ObjectNode> controlScope(String scope) {
        return read(ProjectionContainer.TRADING_CONTROL, scope, DocumentIds.of(scope));
    }

    public List<ObjectNode> controlScopes() {
        return cachedList(ProjectionContainer.TRADING_CONTROL);
    }

    public Optional<ObjectNode> config(String key) {
        return read(ProjectionContainer.DYNAMIC_CONFIG, key, DocumentIds.of(key));
    }

    public List<ObjectNode> configs() {
        return cachedList(ProjectionContainer.DYNAMIC_CONFIG);
    }

    public Optional<ObjectNode> profile(String tenantId, String profileId) {
        return read(ProjectionContainer.TRADING_PROFILES, tenantId, DocumentIds.of(profileId));
    }

    /** Only the tenant's own partition is read: tenant isolation is built into the query. */
    public List<ObjectNode> profiles(String tenantId) {
        return list(ProjectionContainer.TRADING_PROFILES, Query.inPartition(tenantId));
    }

    public ResultPage audit(AuditQuery query) {
        return query(ProjectionContainer.AUDIT_EVENTS, query.toStoreQuery().continuation(query.continuation()));
    }

    /** Any query on the active version; {@code query.continuation()} must be a token from a previous page. */
    public ResultPage query(ProjectionContainer container, Query query) {
        if (query.continuation() != null) {
            VersionedToken token = VersionedToken.decode(query.continuation());
            if (token.version() != activeVersion() && token.version() != refresh()) {
                // The pages of another version (dropped after a rebuild switch, or never existing) are not
                // this listing: the caller starts again from the first page.
                throw new IllegalArgumentException("continuation token of projection version " + token.version()
                        + ", which is not the active one");
            }
            return page(new ContainerNames(meta.prefix(), token.version()), container, query.continuation(token.token()));
        }
        return withActive(names -> page(names, container, query), new ResultPage(List.of(), null));
    }

    /** Forgets the cached version, e.g. after a switch the caller knows about. */
    public int refresh() {
        return fetch().version();
    }

    private Cached fetch() {
        Cached fresh = new Cached(meta.read().map(ProjectionPointer::active).orElse(0), clock.millis());
        cached = fresh;
        return fresh;
    }

    private Optional<ObjectNode> read(ProjectionContainer container, String partitionKey, String id) {
        return withActive(names -> store.read(names.name(container), partitionKey, id).map(StoredDocument::body),
                Optional.empty());
    }

    private List<ObjectNode> cachedList(ProjectionContainer container) {
        return withActive(names -> listings.get(names, container), List.of());
    }

    private List<ObjectNode> list(ProjectionContainer container, Query query) {
        return withActive(names -> listAll(names, container, query), List.of());
    }

    private List<ObjectNode> listAll(ContainerNames names, ProjectionContainer container, Query query) {
        List<ObjectNode> all = new ArrayList<>();
        Query q = query.pageSize(LIST_PAGE);
        Page page;
        do {
            page = store.query(names.name(container), q);
            page.items().forEach(d -> all.add(d.body()));
            q = q.continuation(page.continuation());
        } while (page.hasMore());
        return all;
    }

    private ResultPage page(ContainerNames names, ProjectionContainer container, Query query) {
        Page page = store.query(names.name(container), query);
        String next = page.continuation() == null ? null : new VersionedToken(names.version(), page.continuation()).encode();
        return new ResultPage(page.items().stream().map(StoredDocument::body).toList(), next);
    }

    /**
     * Runs {@code read} against the active version. A version dropped right after a switch may still
     * be cached; then the pointer is re-read once and the read repeated on the new version.
     */
    private <T> T withActive(Function<ContainerNames, T> read, T whenUninitialised) {
        int version = activeVersion();
        if (version == 0) {
            return whenUninitialised;
        }
        try {
            return read.apply(new ContainerNames(meta.prefix(), version));
        } catch (NotFoundException containerGone) {
            int current = refresh();
            if (current == version || current == 0) {
                throw containerGone;
            }
            return read.apply(new ContainerNames(meta.prefix(), current));
        }
    }
}
