package com.tradingcontrol.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.tradingcontrol.schemas.registry.SchemaNotFoundException;
import com.tradingcontrol.schemas.registry.SchemaRegistryClient;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves {@code GET /schemas/ids/{id}} of the Confluent REST API from a registry — the one call a
 * reader makes — so the client's URL path (the contracts' REST client) runs for real in tests.
 */
final class RegistryHttpStub implements AutoCloseable {

    private final HttpServer server;
    final AtomicInteger schemaLookups = new AtomicInteger();

    RegistryHttpStub(SchemaRegistryClient registry) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/schemas/ids/", exchange -> serve(registry, exchange));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void serve(SchemaRegistryClient registry, HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        int id = Integer.parseInt(path.substring("/schemas/ids/".length()));
        schemaLookups.incrementAndGet();
        int status;
        Map<String, Object> body;
        try {
            body = Map.of("schema", registry.getById(id).toString());
            status = 200;
        } catch (SchemaNotFoundException e) {
            body = Map.of("error_code", 40403, "message", "Schema " + id + " not found");
            status = 404;
        }
        byte[] bytes = new ObjectMapper().writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
