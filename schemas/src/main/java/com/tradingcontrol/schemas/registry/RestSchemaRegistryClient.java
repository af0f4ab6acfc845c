package com.tradingcontrol.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Client of the Confluent Schema Registry REST API (also served by Apicurio's ccompat API), written
 * here because Confluent's own client is not on Maven Central. Endpoints used:
 *
 * <ul>
 *   <li>{@code POST /subjects/{subject}/versions {"schema"}} → {@code {"id"}}</li>
 *   <li>{@code POST /subjects/{subject} {"schema"}} → {@code {"id", "version", ...}} (lookup)</li>
 *   <li>{@code GET /schemas/ids/{id}} → {@code {"schema"}}</li>
 *   <li>{@code GET /subjects/{subject}/versions/latest} → {@code {"subject", "version", "id", "schema"}}</li>
 *   <li>{@code POST /compatibility/subjects/{subject}/versions/latest {"schema"}} → {@code {"is_compatible"}}</li>
 *   <li>{@code PUT /config[/{subject}] {"compatibility"}}, {@code GET /config[/{subject}]}
 *       → {@code {"compatibilityLevel"}}</li>
 * </ul>
 *
 * Every call goes to the server; wrap in {@link CachingSchemaRegistryClient} for the hot path.
 * Thread-safe.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private final RegistryHttp http;

    public RestSchemaRegistryClient(RestRegistryConfig config) {
        this.http = new RegistryHttp(config);
    }

    @Override
    public int register(String subject, Schema schema) {
        JsonNode response = http.post("/subjects/" + RegistryHttp.segment(subject) + "/versions", schemaBody(schema));
        return requiredInt(response, "id");
    }

    @Override
    public int lookupId(String subject, Schema schema) {
        JsonNode response = http.post("/subjects/" + RegistryHttp.segment(subject), schemaBody(schema));
        return requiredInt(response, "id");
    }

    @Override
    public Schema getById(int id) {
        return parse(http.get("/schemas/ids/" + id));
    }

    @Override
    public SchemaVersion latest(String subject) {
        JsonNode response = http.get("/subjects/" + RegistryHttp.segment(subject) + "/versions/latest");
        return new SchemaVersion(subject, requiredInt(response, "version"), requiredInt(response, "id"), parse(response));
    }

    /**
     * A subject without versions is compatible with anything; Confluent answers 40401 there, so that
     * code is mapped to {@code true} rather than thrown.
     */
    @Override
    public boolean testCompatibility(String subject, Schema schema) {
        try {
            JsonNode response = http.post("/compatibility/subjects/" + RegistryHttp.segment(subject)
                    + "/versions/latest", schemaBody(schema));
            return response.path("is_compatible").asBoolean(false);
        } catch (SchemaNotFoundException e) {
            if (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND) {
                return true;
            }
            throw e;
        }
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
        http.put(configPath(subject), Map.of("compatibility", level.name()));
    }

    /**
     * Asks for the subject's level with {@code defaultToGlobal=true}. Registries without that
     * parameter answer 404 (40401 or 40408) for a subject without its own level; the global level
     * is then the effective one, so it is fetched instead.
     */
    @Override
    public CompatibilityLevel getCompatibility(String subject) {
        if (subject == null) {
            return level(http.get(configPath(null)));
        }
        try {
            return level(http.get(configPath(subject) + "?defaultToGlobal=true"));
        } catch (SchemaNotFoundException e) {
            return level(http.get(configPath(null)));
        }
    }

    private static String configPath(String subject) {
        return subject == null ? "/config" : "/config/" + RegistryHttp.segment(subject);
    }

    /** GET answers {"compatibilityLevel"}; some servers echo PUT's {"compatibility"} instead. */
    private static CompatibilityLevel level(JsonNode response) {
        JsonNode value = response.hasNonNull("compatibilityLevel") ? response.get("compatibilityLevel")
                : response.get("compatibility");
        if (value == null) {
            throw new SchemaRegistryException("registry config response has no compatibility level: " + response, null);
        }
        return CompatibilityLevel.parse(value.asText());
    }

    private static Map<String, String> schemaBody(Schema schema) {
        return Map.of("schema", schema.toString());
    }

    private static Schema parse(JsonNode response) {
        JsonNode schema = response.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw new SchemaRegistryException("registry response has no schema: " + response, null);
        }
        return new Schema.Parser().parse(schema.asText());
    }

    private static int requiredInt(JsonNode response, String field) {
        JsonNode value = response.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new SchemaRegistryException("registry response has no '" + field + "': " + response, null);
        }
        return value.intValue();
    }
}
