package com.tradingcontrol.api.reads;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.domain.ConfigValue;
import com.tradingcontrol.domain.config.ConfigCatalogue;
import com.tradingcontrol.domain.config.ConfigKeyDefinition;
import com.tradingcontrol.projections.projector.ConfigDocuments;
import com.tradingcontrol.projections.rebuild.ActiveProjection;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Dynamic config as served: every catalogue key with the projected value, or the catalogue default
 * (version 0) for a key that was never set. Keys no longer in the catalogue are not served.
 */
public final class ConfigEntries {

    public record Entry(String key, String type, JsonNode value, JsonNode defaultValue, long version,
                        String description, String updatedBy, @JsonFormat(shape = JsonFormat.Shape.STRING) Instant updatedAt) {}

    private final ActiveProjection projection;
    private final ConfigCatalogue catalogue;

    public ConfigEntries(ActiveProjection projection, ConfigCatalogue catalogue) {
        this.projection = projection;
        this.catalogue = catalogue;
    }

    public int catalogueVersion() {
        return catalogue.catalogueVersion();
    }

    public List<Entry> all() {
        Map<String, ObjectNode> docs = projection.configs().stream()
                .collect(Collectors.toMap(d -> d.path("key").asText(), Function.identity(), (a, b) -> a));
        return catalogue.keys().values().stream()
                .sorted(Comparator.comparing(ConfigKeyDefinition::key))
                .map(def -> entry(def, docs.get(def.key())))
                .toList();
    }

    public Optional<Entry> find(String key) {
        return catalogue.find(key).map(def -> entry(def, projection.config(key).orElse(null)));
    }

    /**
     * The value in force as a boolean; false for a missing or non-boolean key, which is the safe default for a flag.
     * Looked up in the whole-container listing, which the projection serves from memory while nothing changed.
     */
    public boolean flag(String key) {
        return catalogue.find(key)
                .map(def -> entry(def, projection.configs().stream()
                        .filter(d -> key.equals(d.path("key").asText())).findFirst().orElse(null)))
                .map(e -> e.value().asBoolean(false)).orElse(false);
    }

    private static Entry entry(ConfigKeyDefinition def, ObjectNode doc) {
        JsonNode defaultValue = json(def.defaultValue());
        if (doc == null) {
            return new Entry(def.key(), def.type().name(), defaultValue, defaultValue, 0, def.description(), null, null);
        }
        return new Entry(def.key(), def.type().name(), doc.get("value"), defaultValue, doc.path("version").asLong(0),
                def.description(), DocumentViews.text(doc, "updatedBy"), DocumentViews.instant(doc, "updatedAt"));
    }

    /** A config value with its JSON type (boolean, integer, floating point or string); null stays null. */
    public static JsonNode json(ConfigValue value) {
        return ConfigDocuments.json(value);
    }
}
