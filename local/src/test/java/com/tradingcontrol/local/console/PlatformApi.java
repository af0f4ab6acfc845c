package com.tradingcontrol.local.console;

import com.tradingcontrol.local.DevTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** The platform's REST API as the tests' own setup uses it (as the launcher's development users). */
record PlatformApi(String base, Map<String, String> tokens, HttpClient http) {
    PlatformApi(String base, Path dataDir) throws Exception {
        this(base, DevTokens.loadOrCreate(dataDir).issueAll(Instant.now()), HttpClient.newHttpClient());
    }

    /** Sends a command as {@code user}, waiting for its outcome; fails unless it was accepted. */
    void command(String user, String method, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + tokens.get(user)).header("Content-Type", "application/json")
                .header("Prefer", "wait=10").method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("\"ACCEPTED\"")) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
