package com.tradingcontrol.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * JSON-over-HTTP plumbing for the Confluent registry API: content type
 * {@value #CONTENT_TYPE}, request timeouts, and error bodies ({"error_code", "message"}) turned into
 * typed exceptions. Kept apart from {@link RestSchemaRegistryClient} so the client reads as a list
 * of endpoints.
 */
final class RegistryHttp {
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    static final ObjectMapper JSON = new ObjectMapper();

    private final RestRegistryConfig config;
    private final HttpClient http;

    RegistryHttp(RestRegistryConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
    }

    /** Percent-encodes one path segment (URLEncoder is for forms: it turns spaces into '+'). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    JsonNode get(String path) {
        return send(request(path).GET());
    }

    JsonNode post(String path, Object body) {
        return send(request(path).POST(body(body)));
    }

    JsonNode put(String path, Object body) {
        return send(request(path).PUT(body(body)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(config.base() + path))
                .timeout(config.requestTimeout())
                .header("Accept", CONTENT_TYPE + ", application/json")
                .header("Content-Type", CONTENT_TYPE);
    }

    private static HttpRequest.BodyPublisher body(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode registry request body", e);
        }
    }

    private JsonNode send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        String target = request.method() + " " + request.uri();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SchemaRegistryException("schema registry call failed: " + target + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("interrupted during schema registry call " + target, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw error(target, response.statusCode(), response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new SchemaRegistryException("unreadable schema registry response to " + target, e);
        }
    }

    /** Maps an error response to a typed exception, keeping the registry's own code and message. */
    static SchemaRegistryException error(String target, int status, String body) {
        int code = status;
        String message = body == null ? "" : body;
        IOException notJson = null;
        try {
            JsonNode node = JSON.readTree(message);
            if (node != null && node.isObject()) {
                code = node.path("error_code").asInt(status);
                message = node.path("message").asText(message);
            }
        } catch (IOException e) {
            // Not JSON (e.g. a proxy's HTML page): the raw body is the most useful message we have.
            notJson = e;
            message = message.length() > 500 ? message.substring(0, 500) : message;
        }
        SchemaRegistryException error = typed(status, code, target + ": " + message);
        if (notJson != null) {
            error.addSuppressed(notJson);
        }
        return error;
    }

    private static SchemaRegistryException typed(int status, int code, String text) {
        if (status == 409 || code == SchemaRegistryException.INCOMPATIBLE) {
            return new IncompatibleSchemaException(status, code, text);
        }
        if (status == 404) {
            return new SchemaNotFoundException(status, code, text);
        }
        return new SchemaRegistryException(status, code, text);
    }
}
