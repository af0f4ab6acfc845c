package com.tradingcontrol.domain.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradingcontrol.domain.ConfigValue;
import com.tradingcontrol.domain.Role;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the catalogue file ({@value #DEFAULT_RESOURCE} on the classpath). Parsed by hand from the
 * JSON tree rather than bound to classes because the {@code default} field's JSON type depends on
 * the entry's {@code type}, and every error message must name the file and the key.
 */
public final class ConfigCatalogueLoader {

    public static final String DEFAULT_RESOURCE = "/config-catalogue.json";
    private static final Set<String> ENTRY_FIELDS = Set.of("key", "type", "description", "default", "min",
            "minExclusive", "max", "allowedValues", "maxLength", "changeRoles");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ConfigCatalogueLoader() {
    }

    /** Loads the catalogue shipped with this module. */
    public static ConfigCatalogue loadDefault() {
        return loadResource(DEFAULT_RESOURCE);
    }

    public static ConfigCatalogue loadResource(String resource) {
        try (InputStream in = ConfigCatalogueLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new InvalidCatalogueException("config catalogue resource " + resource + " not found");
            }
            return load(in, resource);
        } catch (IOException e) {
            throw new InvalidCatalogueException("cannot read config catalogue " + resource + ": " + e.getMessage(), e);
        }
    }

    /** @param source names the input in error messages */
    public static ConfigCatalogue load(InputStream in, String source) throws IOException {
        JsonNode root = MAPPER.readTree(in);
        if (root == null || !root.path("catalogueVersion").canConvertToInt() || !root.path("keys").isArray()) {
            throw new InvalidCatalogueException(source + ": expected an object with integer 'catalogueVersion'"
                    + " and array 'keys'");
        }
        List<ConfigKeyDefinition> definitions = new ArrayList<>();
        for (JsonNode entry : root.get("keys")) {
            try {
                definitions.add(entry(entry));
            } catch (InvalidCatalogueException e) {
                throw new InvalidCatalogueException(source + ": " + e.getMessage(), e);
            }
        }
        try {
            return ConfigCatalogue.of(root.get("catalogueVersion").intValue(), definitions);
        } catch (InvalidCatalogueException e) {
            throw new InvalidCatalogueException(source + ": " + e.getMessage(), e);
        }
    }

    private static ConfigKeyDefinition entry(JsonNode node) {
        String key = node.path("key").asText(null);
        String prefix = "config key '" + key + "': ";
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ENTRY_FIELDS.contains(name)) {
                throw new InvalidCatalogueException(prefix + "unknown field '" + name + "'");
            }
        }
        ConfigType type = enumValue(ConfigType.class, node.path("type").asText(""), prefix + "type");
        return new ConfigKeyDefinition(key, type,
                decimal(node, "min", prefix), node.path("minExclusive").asBoolean(false), decimal(node, "max", prefix),
                strings(node.path("allowedValues"), prefix + "allowedValues"),
                node.path("maxLength").asInt(ConfigKeyDefinition.DEFAULT_MAX_STRING_LENGTH),
                defaultValue(type, node.path("default"), prefix),
                node.path("description").asText(null),
                roles(node.path("changeRoles"), prefix));
    }

    private static ConfigValue defaultValue(ConfigType type, JsonNode node, String prefix) {
        boolean fits = switch (type) {
            case BOOLEAN -> node.isBoolean();
            case LONG -> node.isIntegralNumber() && node.canConvertToLong();
            case DOUBLE -> node.isNumber();
            case STRING, ENUM -> node.isTextual();
        };
        if (!fits) {
            throw new InvalidCatalogueException(prefix + "'default' must be a JSON value of type " + type);
        }
        return switch (type) {
            case BOOLEAN -> ConfigValue.of(node.booleanValue());
            case LONG -> ConfigValue.of(node.longValue());
            case DOUBLE -> ConfigValue.of(node.doubleValue());
            case STRING, ENUM -> ConfigValue.of(node.textValue());
        };
    }

    private static BigDecimal decimal(JsonNode entry, String field, String prefix) {
        JsonNode node = entry.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw new InvalidCatalogueException(prefix + "'" + field + "' must be a number");
        }
        return node.decimalValue();
    }

    private static Set<Role> roles(JsonNode node, String prefix) {
        if (node.isMissingNode()) {
            return EnumSet.of(Role.ADMIN);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        strings(node, prefix + "changeRoles").forEach(r -> roles.add(enumValue(Role.class, r, prefix + "changeRoles")));
        return roles;
    }

    private static List<String> strings(JsonNode node, String what) {
        if (node.isMissingNode()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidCatalogueException(what + " must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                throw new InvalidCatalogueException(what + " must be an array of strings");
            }
            values.add(element.textValue());
        }
        return values;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String what) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new InvalidCatalogueException(what + " '" + name + "' is not one of "
                    + List.of(type.getEnumConstants()), e);
        }
    }
}
