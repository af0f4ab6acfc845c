package com.tradingcontrol.schemas.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Liveness and readiness of a service that has no HTTP API of its own (processors, projector), for
 * orchestrators and compose health checks: {@code GET /health/live} and {@code GET /health/ready}
 * answer 200 or 503 with {@code {"status": "UP"|"DOWN", "detail": "..."}}. It lives in this module
 * because every service depends on it; it is the JDK's server, so it adds no dependency.
 */
public final class HealthServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HealthServer.class);

    /** One check's answer; {@code detail} says why, in one line. */
    public record Check(boolean up, String detail) {
        public static Check up(String detail) {
            return new Check(true, detail);
        }

        public static Check down(String detail) {
            return new Check(false, detail);
        }
    }

    private final HttpServer server;


    private HealthServer(HttpServer server) {
        this.server = server;
    }

    /** Serves both checks on {@code port} (0 = any free port) on all interfaces, so a container's probe reaches it. */
    public static HealthServer start(int port, Supplier<Check> live, Supplier<Check> ready) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/health/live", exchange -> answer(exchange, live));
        server.createContext("/health/ready", exchange -> answer(exchange, ready));
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "health-http");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        LOG.info("health endpoints on port {}: /health/live, /health/ready", server.getAddress().getPort());
        return new HealthServer(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, Supplier<Check> check) throws IOException {
        Check result;
        try {
            result = check.get();
        } catch (RuntimeException e) {
            // A check that cannot decide is a "no": an orchestrator must not route to or trust what it cannot see.
            result = Check.down("check failed: " + e);
        }
        byte[] body = ("{\"status\": \"" + (result.up() ? "UP" : "DOWN") + "\", \"detail\": \""
                + escape(result.detail()) + "\"}\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(result.up() ? 200 : 503, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : String.valueOf(text).toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
