package com.tradingcontrol.schemas.registry;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how to reach a Confluent-compatible registry. {@code url} may carry a path prefix
 * (Apicurio serves the API under {@code /apis/ccompat/v7}). Validated on construction; messages name
 * the offending key.
 */
public record RestRegistryConfig(URI url, Duration connectTimeout, Duration requestTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    public RestRegistryConfig {
        if (url == null) {
            throw new IllegalArgumentException("schemaRegistry.url is required");
        }
        String scheme = url.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || url.getHost() == null) {
            throw new IllegalArgumentException("schemaRegistry.url must be an absolute http(s) URL, got '" + url + "'");
        }
        requirePositive("schemaRegistry.connectTimeout", connectTimeout);
        requirePositive("schemaRegistry.requestTimeout", requestTimeout);
    }

    /** Config with the default timeouts. */
    public static RestRegistryConfig of(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("schemaRegistry.url is required");
        }
        return new RestRegistryConfig(URI.create(url.trim()), DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    private static void requirePositive(String key, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(key + " must be a positive duration, got " + value);
        }
    }

    /** The base URL without a trailing slash, so paths can be appended. */
    String base() {
        String s = url.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
