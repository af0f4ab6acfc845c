package com.tradingcontrol.domain.config;

import com.tradingcontrol.domain.Role;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The typed catalogue of dynamic-config keys, as loaded from a versioned file. */
public record ConfigCatalogue(int catalogueVersion, Map<String, ConfigKeyDefinition> keys) {

    public ConfigCatalogue {
        keys = Map.copyOf(keys);
    }

    /** @throws InvalidCatalogueException if two entries share a key */
    public static ConfigCatalogue of(int catalogueVersion, Collection<ConfigKeyDefinition> definitions) {
        Map<String, ConfigKeyDefinition> byKey = new LinkedHashMap<>();
        for (ConfigKeyDefinition definition : definitions) {
            if (byKey.putIfAbsent(definition.key(), definition) != null) {
                throw new InvalidCatalogueException("config key '" + definition.key() + "' is defined twice");
            }
        }
        return new ConfigCatalogue(catalogueVersion, byKey);
    }

    public Optional<ConfigKeyDefinition> find(String key) {
        return Optional.ofNullable(key).map(keys::get);
    }

    /** Roles that may change at least one key; anyone else is refused before the key is even looked up. */
    public Set<Role> rolesAllowedAnywhere() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        keys.values().forEach(d -> roles.addAll(d.changeRoles()));
        return roles;
    }
}
