package com.tradingcontrol.local.registry;

import com.tradingcontrol.schemas.registry.CompatibilityLevel;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.registry.SchemaVersion;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * {@code /config[/{subject}]} and {@code /compatibility/subjects/{subject}/versions[/{version}]}:
 * the compatibility level and the dry-run check against it. Split from {@link ConfluentRegistryApi}
 * so each class reads as one group of endpoints.
 */
final class RegistryConfigRoutes {
    private final InProcessSchemaRegistry registry;
    private final ConfluentRegistryApi api;

    RegistryConfigRoutes(InProcessSchemaRegistry registry, ConfluentRegistryApi api) {
        this.registry = registry;
        this.api = api;
    }

    RegistryResponse handle(RegistryRequest r) {
        List<String> p = r.path();
        if ("config".equals(p.get(0)) && p.size() <= 2) {
            return config(r, p.size() == 2 ? p.get(1) : null);
        }
        if ("compatibility".equals(p.get(0)) && (p.size() == 4 || p.size() == 5)
                && "subjects".equals(p.get(1)) && "versions".equals(p.get(3))) {
            ConfluentRegistryApi.expect(r, "POST");
            return compatibility(r, p.get(2), p.size() == 5 ? p.get(4) : null);
        }
        throw ConfluentRegistryApi.notFound();
    }

    /**
     * GET answers {@code {"compatibilityLevel"}}. For a subject without a level of its own that is
     * 40408, unless {@code defaultToGlobal=true} asks for the effective (global) level, as in Confluent.
     */
    private RegistryResponse config(RegistryRequest r, String subject) {
        if ("PUT".equals(r.method())) {
            CompatibilityLevel level = RegistryPayloads.level(r.requireObject());
            try {
                registry.setCompatibility(subject, level);
            } catch (UncheckedIOException e) {
                throw new RegistryError(500, RegistryError.STORE_ERROR, "Error while updating the config: " + e.getMessage());
            }
            return RegistryResponse.ok(Map.of("compatibility", level.name()));
        }
        ConfluentRegistryApi.expect(r, "GET");
        if (subject == null || r.flag("defaultToGlobal")) {
            return RegistryResponse.ok(Map.of("compatibilityLevel", registry.getCompatibility(subject).name()));
        }
        CompatibilityLevel own = registry.subjectCompatibility(subject).orElseThrow(() -> new RegistryError(404,
                RegistryError.SUBJECT_LEVEL_NOT_CONFIGURED,
                "Subject '" + subject + "' does not have subject-level compatibility configured"));
        return RegistryResponse.ok(Map.of("compatibilityLevel", own.name()));
    }

    /**
     * Without a version (or with {@code latest}) the candidate is checked exactly as a registration
     * would be: against the versions the subject's level names (all of them when transitive). With a
     * number it is checked against that version only. An unknown subject is 40401 when a version is
     * named and compatible otherwise, as in Confluent.
     */
    private RegistryResponse compatibility(RegistryRequest r, String subject, String version) {
        Schema candidate = RegistryPayloads.schema(r.requireObject());
        boolean verbose = r.flag("verbose");
        if (version == null) {
            return RegistryResponse.ok(RegistryPayloads.compatibility(registry.compatibilityProblems(subject, candidate), verbose));
        }
        SchemaVersion against = api.version(subject, version);
        boolean latest = RegistryPayloads.version(version) == -1;
        List<String> problems = latest ? registry.compatibilityProblems(subject, candidate)
                : ConfluentRegistryApi.problemsAgainst(registry, against, candidate);
        return RegistryResponse.ok(RegistryPayloads.compatibility(problems, verbose));
    }
}
