package com.tradingcontrol.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny stand-in for the API: records every request and answers with canned responses queued
 * per "METHOD path" (the last one repeats), echoing the x-request-id like the real server.
 */
final class FakeApi implements AutoCloseable {

    record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null ? null : values.get(0);
        }
    }

    record Response(int status, String contentType, String body, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Deque<Response>> responses = new HashMap<>();

    FakeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized void reset() {
        requests.clear();
        responses.clear();
    }

    FakeApi respond(String method, String path, int status, String json) {
        String type = status >= 400 ? "application/problem+json" : "application/json";
        return respond(method, path, new Response(status, type, json, Map.of()));
    }

    synchronized FakeApi respond(String method, String path, Response response) {
        responses.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).add(response);
        return this;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized Request only() {
        if (requests.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + requests);
        }
        return requests.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values));
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        Response response;
        synchronized (this) {
            requests.add(new Request(method, path, exchange.getRequestURI().getRawQuery(), headers, body));
            Deque<Response> queued = responses.get(method + " " + path);
            response = queued == null ? new Response(404, "application/problem+json",
                    "{\"status\":404,\"code\":\"NOT_FOUND\",\"detail\":\"no canned response\"}", Map.of())
                    : queued.size() > 1 ? queued.poll() : queued.peek();
        }
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        String requestId = exchange.getRequestHeaders().getFirst("x-request-id");
        exchange.getResponseHeaders().set("x-request-id", requestId == null ? "generated-by-fake" : requestId);
        response.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
