package com.tradingcontrol.local.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns an {@link HttpExchange} into a {@link RegistryRequest}, enforcing the loopback rules of
 * {@link RegistryRestServer}: a loopback Host, a JSON content type on bodies, a bounded body size.
 */
final class RegistryHttpRequests {
    static final int MAX_BODY_BYTES = 1 << 20;
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");
    private static final Set<String> BODY_TYPES = Set.of("application/vnd.schemaregistry.v1+json",
            "application/vnd.schemaregistry+json", "application/json", "application/octet-stream");

    private RegistryHttpRequests() {
    }

    static RegistryRequest read(HttpExchange exchange) {
        requireLoopbackHost(exchange.getRequestHeaders().getFirst("Host"));
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        JsonNode body = null;
        if (method.equals("POST") || method.equals("PUT")) {
            requireJsonContentType(exchange.getRequestHeaders().getFirst("Content-Type"));
            body = body(exchange.getRequestBody());
        }
        return new RegistryRequest(method, segments(exchange.getRequestURI().getRawPath()),
                query(exchange.getRequestURI().getRawQuery()), body);
    }

    /** A request without Host (HTTP/1.0) cannot come from a browser, so only a present, foreign Host is refused. */
    static void requireLoopbackHost(String host) {
        if (host == null) {
            return;
        }
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
                : host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
        if (!LOOPBACK_HOSTS.contains(name.toLowerCase(Locale.ROOT))) {
            throw RegistryError.http(403, "This registry serves loopback clients only; Host '" + host + "' refused.");
        }
    }

    private static void requireJsonContentType(String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!BODY_TYPES.contains(type)) {
            throw RegistryError.http(415, "HTTP 415 Unsupported Media Type: send " + RegistryRestServer.CONTENT_TYPE);
        }
    }

    private static JsonNode body(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw RegistryError.http(413, "Request body larger than " + MAX_BODY_BYTES + " bytes.");
            }
            return bytes.length == 0 ? null : RegistryPayloads.JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw RegistryError.http(400, "Malformed JSON body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
    }

    /** Decoded path segments; '+' stays '+' (URLDecoder is for forms and would make it a space). */
    static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String raw : (rawPath == null ? "" : rawPath).split("/")) {
            if (!raw.isEmpty()) {
                segments.add(decode(raw));
            }
        }
        return segments;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(decode(kv[0]), kv.length == 2 ? decode(kv[1]) : "");
            }
        }
        return query;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RegistryError.http(400, "Malformed percent-encoding in '" + raw + "'.");
        }
    }
}
