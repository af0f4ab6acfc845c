package com.tradingcontrol.local.registry;

import com.tradingcontrol.schemas.registry.AvroCompatibilityChecker;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.registry.IncompatibleSchemaException;
import com.tradingcontrol.schemas.registry.SchemaNotFoundException;
import com.tradingcontrol.schemas.registry.SchemaVersion;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;

/**
 * The Confluent Schema Registry REST API over an {@link InProcessSchemaRegistry}, free of HTTP
 * plumbing: a request in, an answer or a {@link RegistryError} out. Registrations go through the
 * registry itself, so they are journalled and checked at the same compatibility level as the
 * platform's own serializers' registrations. Deletes are refused (405): ids and versions in the
 * journal are permanent, which is what lets data written before stay readable.
 */
final class ConfluentRegistryApi {
    private final InProcessSchemaRegistry registry;
    private final RegistryConfigRoutes config;

    ConfluentRegistryApi(InProcessSchemaRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.config = new RegistryConfigRoutes(registry, this);
    }

    RegistryResponse handle(RegistryRequest r) {
        List<String> p = r.path();
        if (p.isEmpty()) {
            expect(r, "GET");
            return RegistryResponse.ok(Map.of());
        }
        return switch (p.get(0)) {
            case "subjects" -> subjects(r, p);
            case "schemas" -> schemas(r, p);
            case "config", "compatibility" -> config.handle(r);
            default -> throw notFound();
        };
    }

    private RegistryResponse subjects(RegistryRequest r, List<String> p) {
        if (p.size() == 1) {
            expect(r, "GET");
            return RegistryResponse.ok(registry.subjects());
        }
        String subject = p.get(1);
        if (p.size() == 2) {
            expect(r, "POST");
            return RegistryResponse.ok(lookup(subject, RegistryPayloads.schema(r.requireObject())));
        }
        if (!"versions".equals(p.get(2)) || p.size() > 5 || p.size() == 5 && !"schema".equals(p.get(4))) {
            throw notFound();
        }
        if (p.size() == 3) {
            return "POST".equals(r.method()) ? register(subject, r) : versionNumbers(r, subject);
        }
        expect(r, "GET");
        SchemaVersion v = version(subject, p.get(3));
        return RegistryResponse.ok(p.size() == 5 ? RegistryPayloads.raw(v.schema()) : RegistryPayloads.versionBody(v));
    }

    private RegistryResponse versionNumbers(RegistryRequest r, String subject) {
        expect(r, "GET");
        return RegistryResponse.ok(existing(subject).stream().map(SchemaVersion::version).toList());
    }

    private RegistryResponse register(String subject, RegistryRequest r) {
        Schema schema = RegistryPayloads.schema(r.requireObject());
        try {
            return RegistryResponse.ok(Map.of("id", registry.register(subject, schema)));
        } catch (IncompatibleSchemaException e) {
            throw new RegistryError(409, RegistryError.INCOMPATIBLE, "Schema being registered is incompatible with"
                    + " an earlier schema for subject \"" + subject + "\", details: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new RegistryError(500, RegistryError.STORE_ERROR, "Error while registering schema: " + e.getMessage());
        }
    }

    private Map<String, Object> lookup(String subject, Schema schema) {
        existing(subject);
        try {
            int id = registry.lookupId(subject, schema);
            SchemaVersion v = registry.versions(subject).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
            return RegistryPayloads.versionBody(v);
        } catch (SchemaNotFoundException e) {
            throw RegistryError.schemaNotFound("the schema is not registered under subject '" + subject + "'");
        }
    }

    private RegistryResponse schemas(RegistryRequest r, List<String> p) {
        expect(r, "GET");
        if (p.size() == 2 && "types".equals(p.get(1))) {
            return RegistryResponse.ok(List.of("AVRO"));
        }
        if (p.size() < 3 || p.size() > 4 || !"ids".equals(p.get(1))) {
            throw notFound();
        }
        int id = schemaId(p.get(2));
        Schema schema = byId(id);
        if (p.size() == 3) {
            return RegistryResponse.ok(Map.of("schema", schema.toString()));
        }
        List<SchemaVersion> usages = registry.versionsWithId(id);
        return switch (p.get(3)) {
            case "schema" -> RegistryResponse.ok(RegistryPayloads.raw(schema));
            case "subjects" -> RegistryResponse.ok(usages.stream().map(SchemaVersion::subject).distinct().toList());
            case "versions" -> RegistryResponse.ok(usages.stream()
                    .map(RegistryPayloads::subjectVersion).toList());
            default -> throw notFound();
        };
    }

    private static int schemaId(String segment) {
        try {
            return Integer.parseInt(segment);
        } catch (NumberFormatException e) {
            throw RegistryError.schemaNotFound("'" + segment + "' is not a schema id");
        }
    }

    private Schema byId(int id) {
        try {
            return registry.getById(id);
        } catch (SchemaNotFoundException e) {
            throw RegistryError.schemaNotFound("no schema with id " + id);
        }
    }

    /** The subject's versions, oldest first; 40401 when it has none. */
    List<SchemaVersion> existing(String subject) {
        List<SchemaVersion> versions = registry.versions(subject);
        if (versions.isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        return versions;
    }

    /** One version by its segment ({@code latest}, {@code -1} or a number): 40401, 40402 or 42202 if none. */
    SchemaVersion version(String subject, String segment) {
        int wanted = RegistryPayloads.version(segment);
        List<SchemaVersion> versions = existing(subject);
        if (wanted == -1) {
            return versions.get(versions.size() - 1);
        }
        return versions.stream().filter(v -> v.version() == wanted).findFirst()
                .orElseThrow(() -> RegistryError.versionNotFound(subject, wanted));
    }

    static void expect(RegistryRequest r, String method) {
        if (!method.equals(r.method())) {
            throw RegistryError.http(405, "HTTP 405 Method Not Allowed");
        }
    }

    static RegistryError notFound() {
        return RegistryError.http(404, "HTTP 404 Not Found");
    }

    /** Problems of {@code candidate} against one stored version, in the directions its level asks for. */
    static List<String> problemsAgainst(InProcessSchemaRegistry registry, SchemaVersion v, Schema candidate) {
        return AvroCompatibilityChecker.violations(registry.getCompatibility(v.subject()), candidate, List.of(v.schema()));
    }
}
