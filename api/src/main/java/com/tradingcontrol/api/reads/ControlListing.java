package com.tradingcontrol.api.reads;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.tradingcontrol.api.push.PublicControlView;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One trading-control listing of the projection, rendered for the wire: each scope document's API view
 * ({@link DocumentViews#view}) serialised once, kept as raw JSON and written as is into every response.
 * Dashboards poll this listing many times a second while trading changes a few scopes between polls;
 * building a view of every document and serialising it again per request was most of a request's cost.
 *
 * <p>A new listing takes the rendering of every document it shares (same instance: the projection keeps
 * an unchanged document's instance, and documents are immutable) with the previous one, so only the
 * changed documents are rendered again. Who sees which scopes is decided per request by
 * {@link #visibleTo}, never baked into the rendering.
 */
final class ControlListing {

    /** A scope document ready for the wire: its scope, its view and its public (customer) view as raw JSON. */
    record Rendered(String scope, JsonNode json, JsonNode publicJson) {
    }

    static final String GLOBAL = "global";
    private static final ObjectWriter JSON = new ObjectMapper().writer();
    private static final Rendered DEFAULT_GLOBAL = render(defaultGlobal());
    /** Renders nothing; the previous listing of the first one. Declared after what its constructor uses. */
    static final ControlListing EMPTY = new ControlListing(List.of(), Map.of());

    private final List<ObjectNode> source;
    private final Map<ObjectNode, Rendered> byDocument;
    private final Rendered global;
    private final List<Rendered> scopes;
    private final List<JsonNode> allScopes;

    private ControlListing(List<ObjectNode> source, Map<ObjectNode, Rendered> byDocument) {
        this.source = source;
        this.byDocument = byDocument;
        // The first global document in the projection's order, as before; scopes sorted by name.
        this.global = source.stream().filter(d -> GLOBAL.equals(scopeOf(d))).findFirst()
                .map(byDocument::get).orElse(DEFAULT_GLOBAL);
        this.scopes = source.stream().filter(d -> !GLOBAL.equals(scopeOf(d))).map(byDocument::get)
                .sorted(Comparator.comparing(Rendered::scope)).toList();
        this.allScopes = scopes.stream().map(Rendered::json).toList();
    }

    /** The rendering of {@code docs}, reusing what {@code previous} rendered for the same document instances. */
    static ControlListing of(List<ObjectNode> docs, ControlListing previous) {
        Map<ObjectNode, Rendered> rendered = new IdentityHashMap<>(docs.size() * 2);
        for (ObjectNode doc : docs) {
            Rendered known = previous.byDocument.get(doc);
            rendered.put(doc, known != null ? known : render(doc));
        }
        return new ControlListing(docs, rendered);
    }

    /** Whether this is the rendering of exactly this listing instance (the projection's unchanged listing). */
    boolean isOf(List<ObjectNode> docs) {
        return source == docs;
    }

    /** Global plus every scope for {@code ownScope} null (staff); else global plus that one scope only. */
    TradingControlResource.TradingControl visibleTo(String ownScope) {
        if (ownScope == null) {
            return new TradingControlResource.TradingControl(global.json(), allScopes);
        }
        return new TradingControlResource.TradingControl(global.publicJson(),
                scopes.stream().filter(r -> ownScope.equals(r.scope())).map(Rendered::json).toList());
    }

    private static Rendered render(ObjectNode doc) {
        try {
            JsonNode view = DocumentViews.view(doc);
            return new Rendered(scopeOf(doc), raw(view), raw(PublicControlView.redact(view)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot render trading-control document " + scopeOf(doc), e);
        }
    }

    // SerializedString keeps the UTF-8 bytes once made, so each response copies bytes, nothing more.
    private static JsonNode raw(JsonNode view) throws JsonProcessingException {
        return new POJONode(new RawValue(new SerializedString(JSON.writeValueAsString(view))));
    }

    private static String scopeOf(ObjectNode doc) {
        return doc.path("scope").asText();
    }

    private static ObjectNode defaultGlobal() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("scope", GLOBAL).put("mode", "ACTIVE").put("paused", false).put("killSwitch", false)
                .put("maintenance", false).putNull("maintenanceMessage").put("version", 0);
        return node;
    }
}
