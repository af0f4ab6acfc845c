package com.tradingcontrol.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradingcontrol.schemas.registry.SchemaRegistryClient;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of a {@link ControlClient}, validated when built: a bad one raises
 * {@link ControlClientConfigException} naming the setting. Immutable.
 *
 * <pre>{@code
 * ControlClientConfig config = ControlClientConfig.builder()
 *         .bootstrapServers("127.0.0.1:9092")
 *         .schemaRegistryUrl("http://127.0.0.1:8081")
 *         .lease(Duration.ofSeconds(5))
 *         .build();
 * }</pre>
 */
public final class ControlClientConfig {

    /** Default lease: decisions turn HALTED/STALE when the client has not confirmed it is current for this long. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(5);

    private final String bootstrapServers;
    private final URI schemaRegistryUrl;
    private final SchemaRegistryClient schemaRegistry;
    private final Duration lease;
    private final Clock clock;
    private final String clientId;
    private final Map<String, String> kafkaProperties;

    private ControlClientConfig(Builder b) {
        this.bootstrapServers = b.bootstrapServers;
        this.schemaRegistryUrl = b.schemaRegistryUrl;
        this.schemaRegistry = b.schemaRegistry;
        this.lease = b.lease;
        this.clock = b.clock;
        this.clientId = b.clientId;
        this.kafkaProperties = Map.copyOf(b.kafkaProperties);
    }

    /** A builder with the defaults (lease 5 s, UTC system clock, client id {@code control-client}). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder filled from the {@code local.json} the launcher ({@code bin/tcp-local}) writes into its
     * data directory: {@code kafka} (or {@code bootstrapServers}) and {@code schemaRegistry}.
     *
     * @throws ControlClientConfigException if the file cannot be read or lacks a setting
     */
    public static Builder fromLocalJson(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new ControlClientConfigException("localJson", "cannot read " + file + ": " + e.getMessage());
        }
        String kafka = text(root, "bootstrapServers");
        if (kafka == null) {
            kafka = text(root, "kafka");
        }
        if (kafka == null) {
            throw new ControlClientConfigException("bootstrapServers", file + " names neither 'kafka' nor 'bootstrapServers'");
        }
        String registry = text(root, "schemaRegistry");
        if (registry == null) {
            throw new ControlClientConfigException("schemaRegistryUrl", file + " names no 'schemaRegistry'");
        }
        return builder().bootstrapServers(kafka).schemaRegistryUrl(registry);
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root == null ? null : root.get(field);
        return node == null || !node.isTextual() || node.textValue().isBlank() ? null : node.textValue();
    }

    /** Kafka {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The Confluent-API schema registry, or null when {@link #schemaRegistry()} is given instead. */
    public URI schemaRegistryUrl() {
        return schemaRegistryUrl;
    }

    /** A registry client given directly (e.g. the launcher's in-process one), or null. */
    public SchemaRegistryClient schemaRegistry() {
        return schemaRegistry;
    }

    /** How long the client may go without confirming it is caught up before it fails closed. */
    public Duration lease() {
        return lease;
    }

    /** The clock timed controls are compared with ({@code expiresAt}). */
    public Clock clock() {
        return clock;
    }

    /** Kafka {@code client.id} of the client's consumer. */
    public String clientId() {
        return clientId;
    }

    /** Extra Kafka consumer properties (e.g. security settings); never overrides the client's own. */
    public Map<String, String> kafkaProperties() {
        return kafkaProperties;
    }

    /** Collects and validates settings; not thread-safe. */
    public static final class Builder {
        private String bootstrapServers;
        private URI schemaRegistryUrl;
        private SchemaRegistryClient schemaRegistry;
        private Duration lease = DEFAULT_LEASE;
        private Clock clock = Clock.systemUTC();
        private String clientId = "control-client";
        private final Map<String, String> kafkaProperties = new LinkedHashMap<>();

        private Builder() {
        }

        /** Kafka bootstrap servers, e.g. {@code 127.0.0.1:9092}. Required. */
        public Builder bootstrapServers(String bootstrapServers) {
            this.bootstrapServers = bootstrapServers;
            return this;
        }

        /** The schema registry's base URL (Confluent REST API). Required unless {@link #schemaRegistry} is given. */
        public Builder schemaRegistryUrl(String url) {
            if (url == null || url.isBlank()) {
                throw new ControlClientConfigException("schemaRegistryUrl", "must be an http(s) URL, was '" + url + "'");
            }
            try {
                this.schemaRegistryUrl = URI.create(url.trim());
            } catch (IllegalArgumentException e) {
                throw new ControlClientConfigException("schemaRegistryUrl", "not a URL: '" + url + "'");
            }
            return this;
        }

        /** Uses this registry client instead of a URL (the client caches its answers). */
        public Builder schemaRegistry(SchemaRegistryClient registry) {
            this.schemaRegistry = registry;
            return this;
        }

        /** The fail-closed lease (default 5 s); at least 500 ms. */
        public Builder lease(Duration lease) {
            this.lease = lease;
            return this;
        }

        /** The clock for expiry of timed controls (default: system UTC); inject one in tests. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Kafka client id (default {@code control-client}); name your engine here. */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /** An extra Kafka consumer property; the client's own settings (isolation, assignment, deserializers) win. */
        public Builder kafkaProperty(String name, String value) {
            if (name == null || name.isBlank() || value == null) {
                throw new ControlClientConfigException("kafka." + name, "name and value are required");
            }
            kafkaProperties.put(name, value);
            return this;
        }

        /** Validates and builds. @throws ControlClientConfigException naming the first bad setting */
        public ControlClientConfig build() {
            if (bootstrapServers == null || bootstrapServers.isBlank()) {
                throw new ControlClientConfigException("bootstrapServers", "is required (host:port[,host:port...])");
            }
            if (schemaRegistry == null && schemaRegistryUrl == null) {
                throw new ControlClientConfigException("schemaRegistryUrl", "is required (or give a schemaRegistry client)");
            }
            if (schemaRegistryUrl != null && !isHttp(schemaRegistryUrl)) {
                throw new ControlClientConfigException("schemaRegistryUrl",
                        "must be an absolute http(s) URL, was '" + schemaRegistryUrl + "'");
            }
            if (lease == null || lease.compareTo(Duration.ofMillis(500)) < 0) {
                throw new ControlClientConfigException("lease", "must be at least 500 ms, was " + lease);
            }
            if (clientId == null || clientId.isBlank()) {
                throw new ControlClientConfigException("clientId", "must not be blank");
            }
            Objects.requireNonNull(clock, "clock");
            return new ControlClientConfig(this);
        }

        private static boolean isHttp(URI url) {
            String scheme = url.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && url.getHost() != null;
        }
    }
}
