package com.tradingcontrol.local.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradingcontrol.schemas.registry.CompatibilityLevel;
import com.tradingcontrol.schemas.registry.SchemaVersion;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Reads request bodies and shapes answers the way Confluent's registry does: schemas travel as a
 * JSON string in {@code "schema"}, AVRO is the default {@code schemaType} and is omitted in answers.
 */
final class RegistryPayloads {
    static final ObjectMapper JSON = new ObjectMapper();

    private RegistryPayloads() {
    }

    /**
     * The Avro schema in a {@code {"schema", "schemaType"?, "references"?}} body. Only Avro without
     * references is served: the platform's contracts are self-contained Avro, and answering 42201
     * is what a registry without the JSON/Protobuf providers does too.
     */
    static Schema schema(JsonNode body) {
        String type = body.path("schemaType").asText("AVRO");
        if (!"AVRO".equalsIgnoreCase(type)) {
            throw RegistryError.invalidSchema("schemaType " + type + " is not supported; this registry serves AVRO only");
        }
        JsonNode references = body.get("references");
        if (references != null && !references.isNull() && !(references.isArray() && references.isEmpty())) {
            throw RegistryError.invalidSchema("schema references are not supported");
        }
        JsonNode schema = body.get("schema");
        if (schema == null || !schema.isTextual() || schema.asText().isBlank()) {
            throw RegistryError.invalidSchema("the body needs the schema as a JSON string in \"schema\"");
        }
        try {
            return new Schema.Parser().parse(schema.asText());
        } catch (SchemaParseException e) {
            throw RegistryError.invalidSchema(e.getMessage());
        }
    }

    /** {@code {"compatibility": "LEVEL"}}; an unknown level is Confluent's 42203. */
    static CompatibilityLevel level(JsonNode body) {
        JsonNode value = body.get("compatibility");
        try {
            return CompatibilityLevel.parse(value == null || value.isNull() ? null : value.asText());
        } catch (IllegalArgumentException e) {
            throw new RegistryError(422, RegistryError.INVALID_COMPATIBILITY_LEVEL,
                    "Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, "
                            + "forward_transitive, and full_transitive (" + e.getMessage() + ")");
        }
    }

    /** A version segment: a positive number, or {@code latest} / {@code -1} for the newest version. */
    static int version(String segment) {
        if ("latest".equalsIgnoreCase(segment) || "-1".equals(segment)) {
            return -1;
        }
        try {
            int version = Integer.parseInt(segment);
            if (version < 1) {
                throw RegistryError.invalidVersion(segment);
            }
            return version;
        } catch (NumberFormatException e) {
            throw RegistryError.invalidVersion(segment);
        }
    }

    static Map<String, Object> versionBody(SchemaVersion v) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", v.subject());
        body.put("version", v.version());
        body.put("id", v.id());
        body.put("schema", v.schema().toString());
        return body;
    }

    static Map<String, Object> subjectVersion(SchemaVersion v) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", v.subject());
        body.put("version", v.version());
        return body;
    }

    /** Confluent's error body, {@code error_code} first as Confluent writes it. */
    static Map<String, Object> error(int errorCode, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", errorCode);
        body.put("message", message);
        return body;
    }

    /** The schema itself as the JSON document (the {@code /schema} variants answer it unwrapped). */
    static JsonNode raw(Schema schema) {
        try {
            return JSON.readTree(schema.toString());
        } catch (IOException e) {
            throw new IllegalStateException("a parsed Avro schema did not print as JSON", e);
        }
    }

    static Map<String, Object> compatibility(List<String> problems, boolean verbose) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("is_compatible", problems.isEmpty());
        if (verbose) {
            body.put("messages", problems);
        }
        return body;
    }
}
