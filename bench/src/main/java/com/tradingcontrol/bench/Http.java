package com.tradingcontrol.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A JDK HTTP client against the bench API with bearer tokens; non-2xx answers are errors. */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String baseUrl;

    public Http(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public HttpClient client() {
        return client;
    }

    public JsonNode get(String path, String token) throws IOException, InterruptedException {
        HttpRequest request = request(path, token).GET().build();
        return JSON.readTree(check(client.send(request, HttpResponse.BodyHandlers.ofString()), "GET " + path));
    }

    /** The body undecoded, for a caller that reads it with a streaming parser instead of building a tree. */
    public byte[] getBytes(String path, String token) throws IOException, InterruptedException {
        HttpRequest request = request(path, token).GET().build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("GET " + path + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    public String send(String method, String path, String token, String jsonBody)
            throws IOException, InterruptedException {
        return send(request(path, token), method, path, jsonBody);
    }

    /**
     * Sends a command with {@code Prefer: wait=<seconds>} and requires its outcome: a {@code 200} means the
     * processors decided it; a {@code 202} (no outcome in time) or a rejection fails.
     */
    public String sendAndWait(String method, String path, String token, String jsonBody, int seconds)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, token).header("Prefer", "wait=" + seconds);
        HttpResponse<String> response = client.send(withBody(request, method, jsonBody),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(method + " " + path + " was not decided within " + seconds + " s: "
                    + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private String send(HttpRequest.Builder request, String method, String path, String jsonBody)
            throws IOException, InterruptedException {
        return check(client.send(withBody(request, method, jsonBody), HttpResponse.BodyHandlers.ofString()),
                method + " " + path);
    }

    private static HttpRequest withBody(HttpRequest.Builder request, String method, String jsonBody) {
        return request.header("Content-Type", "application/json")
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody)).build();
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    private static String check(HttpResponse<String> response, String what) throws IOException {
        if (response.statusCode() / 100 != 2) {
            throw new IOException(what + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
