package com.tradingcontrol.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The launcher's REST API as the engine ITs use it: operator commands waited for, and
 * {@code /effective} as staff see it, normalised so that an engine's answer can be compared with it.
 */
final class PlatformApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String api;
    private final Map<String, String> tokens;

    @SuppressWarnings("unchecked")
    PlatformApi(Map<String, Object> localJson) {
        this.api = (String) localJson.get("api");
        this.tokens = (Map<String, String>) localJson.get("tokens");
    }

    /** {@code /effective} as staff see it, normalised; a 422 VALIDATION_FAILED is {"error": "INVALID_QUERY"}. */
    JsonNode effective(String query) throws Exception {
        String[] parts = (query + ",,").split(",", -1);
        String url = api + "/api/trading-control/effective?tenant=" + enc(parts[0]) + "&profile=" + enc(parts[1])
                + "&symbol=" + enc(parts[2]);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + tokens.get("operator")).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        if (response.statusCode() == 422 && body.path("code").asText().equals("VALIDATION_FAILED")) {
            return JSON.createObjectNode().put("error", "INVALID_QUERY");
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return normalised(body);
    }

    /** mode, maintenance and the causes' fields the API shows, instants as epoch millis. */
    static JsonNode normalised(JsonNode answer) {
        if (answer.has("error")) {
            return JSON.createObjectNode().put("error", answer.path("error").asText());
        }
        ObjectNode out = JSON.createObjectNode().put("mode", answer.path("mode").asText())
                .put("maintenance", answer.path("maintenance").asBoolean());
        ArrayNode causes = out.putArray("causes");
        for (JsonNode c : answer.path("causes")) {
            ObjectNode cause = causes.addObject();
            for (String field : List.of("scope", "kind", "mode", "setBy", "reason", "message")) {
                cause.set(field, c.path(field).isMissingNode() ? JSON.nullNode() : c.path(field));
            }
            for (String field : List.of("setAt", "expiresAt")) {
                cause.set(field, c.path(field).isTextual()
                        ? JSON.getNodeFactory().numberNode(Instant.parse(c.path(field).asText()).toEpochMilli()) : JSON.nullNode());
            }
        }
        return out;
    }

    /** Creates a profile in a tenant and enables it, or enables then disables it (with a reason). */
    void profile(String tenant, String id, boolean enabled) throws Exception {
        command("/api/profiles", Map.of("profileId", id, "name", id + " of " + tenant, "tenantId", tenant));
        command("/api/profiles/" + id + "/enable", Map.of("reason", "ready", "tenantId", tenant));
        if (!enabled) {
            command("/api/profiles/" + id + "/disable", Map.of("reason", "owner review", "tenantId", tenant));
        }
    }

    /** An operator's command, waited for: 200 means decided and accepted. */
    void command(String path, Map<String, String> body) throws Exception {
        send("POST", path, body, "operator");
    }

    /** A command by one of the launcher's dev users ({@code admin}, {@code operator} ...), waited for: 200 expected. */
    void send(String method, String path, Map<String, ?> body, String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + path))
                .header("Authorization", "Bearer " + tokens.get(user)).header("Content-Type", "application/json")
                .header("Prefer", "wait=30")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
    }

    /**
     * A command by a dev user; {@code wait} asks the API to wait for the decision. Asserts the status and
     * returns the body (202 and 409 both name the {@code commandId}).
     */
    JsonNode submit(String path, Map<String, ?> body, String user, boolean wait, int expectedStatus) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path))
                .header("Authorization", "Bearer " + tokens.get(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (wait) {
            request.header("Prefer", "wait=30");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST " + path + ": " + response.body()).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    /** A staff read ({@code GET}) as the operator: 200 expected. */
    JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + path))
                .header("Authorization", "Bearer " + tokens.get("operator")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** {@code /health/ready}'s checks by name (any status: the body is read whether 200 or 503). */
    JsonNode ready() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + "/health/ready")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    /** A row of a list under {@code field} whose {@code key} is {@code value}, or a missing node. */
    static JsonNode row(JsonNode listing, String field, String key, String value) {
        for (JsonNode row : listing.path(field)) {
            if (row.path(key).asText().equals(value)) {
                return row;
            }
        }
        return JSON.missingNode();
    }

    private static String enc(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8);
    }

    /** The reason of tenant B's strategy pause in {@link #issueEngineScenario}: tenant A must never see it. */
    static final String B_REASON = "tenant-b strategy pb1 risk breach";

    /**
     * What the engine ITs start from: profiles pa1, pb1 (enabled) and pa2 (disabled) in tenant-a, pb1
     * (enabled) in tenant-b; tenant B's strategy pb1 paused; AAPL reduce-only; tenant-c paused.
     */
    void issueEngineScenario() throws Exception {
        profile("tenant-a", "pa1", true);
        profile("tenant-a", "pb1", true);
        profile("tenant-b", "pb1", true);
        profile("tenant-a", "pa2", false);
        command("/api/trading-control/pause", Map.of("scope", "tenant:tenant-c", "reason", "tenant c margin call"));
        command("/api/trading-control/pause", Map.of("scope", "strategy:tenant-b:pb1", "reason", B_REASON));
        command("/api/trading-control/reduce-only", Map.of("scope", "symbol:AAPL", "reason", "AAPL earnings"));
    }

    /**
     * Waits until an engine and {@code /effective} give one answer to {@code query} ("tenant,profile,symbol");
     * returns it (normalised). Both follow the log, so they may differ for a moment.
     */
    JsonNode agreed(String query, java.time.Duration within, EngineAnswer engine) throws Exception {
        java.util.concurrent.atomic.AtomicReference<JsonNode> fromApi = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<JsonNode> fromEngine = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            Deadline.await("the engine and the API to agree on '" + query + "'", within, () -> {
                fromApi.set(effective(query));
                fromEngine.set(normalised(engine.answer(query)));
                return fromApi.get().equals(fromEngine.get());
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n  API:    " + fromApi.get() + "\n  engine: " + fromEngine.get(), e);
        }
        return fromApi.get();
    }

    /** An engine's answer to a query, in the shape of {@code /effective}. */
    @FunctionalInterface
    interface EngineAnswer {
        JsonNode answer(String query) throws Exception;
    }
}
