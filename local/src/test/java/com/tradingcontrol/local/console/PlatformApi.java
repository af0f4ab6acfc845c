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

    /** The status line of a GET sent with this Host header (the JDK client does not let a caller set Host). */
    String statusLineWithHost(String path, String host) throws Exception {
        URI uri = URI.create(base);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
        }
    }
}
