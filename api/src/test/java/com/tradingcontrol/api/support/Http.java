package com.tradingcontrol.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small real HTTP client against the running app. Each instance pools its own connections: a pool
 * shared by every test class in the JVM could hand a later app an idle connection of an earlier,
 * stopped app that happened to listen on the same ephemeral port ("header parser received no bytes").
 */
public final class Http {
    public static final ObjectMapper JSON = new ObjectMapper();
    /** For websockets and async sends that pool nothing across apps. */
    private static final HttpClient SHARED = newClient();
    private final HttpClient client = newClient();
    private final String base;

    public Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
    }

    public HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder builder = request(path).GET();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return send(builder.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + response.body(), e);
        }
    }

    public static HttpClient client() {
        return SHARED;
    }
}
