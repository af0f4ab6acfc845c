package com.tradingcontrol.local.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the Confluent Schema Registry REST API ({@link ConfluentRegistryApi}) from the launcher's
 * in-process registry, so engines in any language can decode the platform's records with a stock
 * registry client. Written on the JDK's HTTP server because Confluent's server is not on Maven
 * Central and Apicurio is a whole application (which {@code --schema-registry} lets one use instead).
 *
 * <p>Loopback only: it binds 127.0.0.1, answers only requests whose Host is a loopback name (a web
 * page cannot reach it through DNS rebinding) and takes bodies only with a JSON content type (a
 * web page cannot post one cross-origin without a preflight, which this server never grants).
 */
public final class RegistryRestServer implements AutoCloseable {
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Logger LOG = LoggerFactory.getLogger(RegistryRestServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final ConfluentRegistryApi api;

    private RegistryRestServer(HttpServer server, ExecutorService executor, ConfluentRegistryApi api) {
        this.server = server;
        this.executor = executor;
        this.api = api;
    }

    /** Starts serving {@code registry} on 127.0.0.1:{@code port}; 0 picks a free port. */
    public static RegistryRestServer start(InProcessSchemaRegistry registry, int port) throws IOException {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("schema registry port must be 0 (any free port) or 1-65535, was " + port);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "schema-registry-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        RegistryRestServer rest = new RegistryRestServer(server, executor, new ConfluentRegistryApi(registry));
        server.createContext("/", rest::exchange);
        server.setExecutor(executor);
        server.start();
        return rest;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:38081}; what {@code local.json} names as {@code schemaRegistry}. */
    public URI url() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            RegistryResponse response;
            try {
                response = api.handle(RegistryHttpRequests.read(exchange));
            } catch (RegistryError e) {
                response = new RegistryResponse(e.status(), RegistryPayloads.error(e.errorCode(), e.getMessage()));
            } catch (RuntimeException e) {
                LOG.error("schema registry request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                response = new RegistryResponse(500, RegistryPayloads.error(500, "Internal error: " + e));
            }
            byte[] body = RegistryPayloads.JSON.writeValueAsBytes(response.body());
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(response.status(), body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** Stops accepting and closes open exchanges at once: its callers are the launcher's shutdown. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

}
