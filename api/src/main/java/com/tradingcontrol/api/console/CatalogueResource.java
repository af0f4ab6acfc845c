package com.tradingcontrol.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradingcontrol.api.auth.Roles;
import com.tradingcontrol.api.reads.ConfigEntries;
import com.tradingcontrol.domain.config.ConfigCatalogue;
import com.tradingcontrol.domain.config.ConfigKeyDefinition;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /api/config-catalogue}: the rules of every config key (type, bounds, allowed values,
 * maximum length, who may change it), so an editor can check a value before sending it. The
 * processors still decide: this is the same catalogue they validate against, read from the same jar.
 */
@Path("/api/config-catalogue")
@Produces(MediaType.APPLICATION_JSON)
public final class CatalogueResource {
    public record Rule(String key, String type, BigDecimal min, boolean minExclusive, BigDecimal max,
                       List<String> allowedValues, int maxLength, JsonNode defaultValue, String description,
                       List<String> changeRoles) {}

    public record Catalogue(int catalogueVersion, List<Rule> keys) {}

    private final Catalogue catalogue;

    public CatalogueResource(ConfigCatalogue source) {
        this.catalogue = new Catalogue(source.catalogueVersion(), source.keys().values().stream()
                .sorted(Comparator.comparing(ConfigKeyDefinition::key)).map(CatalogueResource::rule).toList());
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    public Catalogue catalogue() {
        return catalogue;
    }

    private static Rule rule(ConfigKeyDefinition def) {
        return new Rule(def.key(), def.type().name(), def.min(), def.minExclusive(), def.max(), def.allowedValues(),
                def.maxLength(), ConfigEntries.json(def.defaultValue()), def.description(),
                def.changeRoles().stream().map(r -> r.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList());
    }
}
