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
    /** Default look-back on {@code trading.halt-signals} and {@code trading.command-outcomes} at start-up. */
    public static final Duration DEFAULT_HALT_SIGNAL_LOOKBACK = Duration.ofSeconds(30);
    /** Default interval between two heartbeats of an engine. */
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(1);
    private static final java.util.regex.Pattern ENGINE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final String bootstrapServers;
    private final URI schemaRegistryUrl;
    private final SchemaRegistryClient schemaRegistry;
    private final Duration lease;
    private final Clock clock;
    private final String clientId;
    private final Map<String, String> kafkaProperties;
    private final boolean fastHalts;
    private final Duration haltSignalLookback;
    private final String engineId;
    private final String engineVersion;
    private final String host;
    private final Duration heartbeatInterval;

    private ControlClientConfig(Builder b) {
        this.fastHalts = b.fastHalts;
        this.haltSignalLookback = b.haltSignalLookback;
        this.engineId = b.engineId;
        this.engineVersion = b.engineVersion;
        this.host = b.host;
        this.heartbeatInterval = b.heartbeatInterval;
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

    /**
     * Whether the client reads the fast halt path ({@code trading.halt-signals}, with
     * {@code trading.command-outcomes} to see rejections). Default true; turn it off only against a
     * platform that has no such topics.
     */
    public boolean fastHalts() {
        return fastHalts;
    }

    /**
     * How far back the client starts reading {@code trading.halt-signals} and
     * {@code trading.command-outcomes} when it starts (by record timestamp), so a halt published just
     * before the start still counts while its {@code decideBy} has not passed. Keep it longer than the
     * platform's decide-by bound.
     */
    public Duration haltSignalLookback() {
        return haltSignalLookback;
    }

    /** The engine instance's stable id, or null: then the client publishes no engine reports. */
    public String engineId() {
        return engineId;
    }

    /** The engine software's version (reported), or null. */
    public String engineVersion() {
        return engineVersion;
    }

    /** The host reported, or null: then the machine's host name (resolved off the engine's threads). */
    public String host() {
        return host;
    }

    /** Interval between two heartbeats on {@code trading.engine-reports}. */
    public Duration heartbeatInterval() {
        return heartbeatInterval;
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
        private boolean fastHalts = true;
        private Duration haltSignalLookback = DEFAULT_HALT_SIGNAL_LOOKBACK;
        private String engineId;
        private String engineVersion;
        private String host;
        private Duration heartbeatInterval = DEFAULT_HEARTBEAT_INTERVAL;

        private Builder() {
        }

        /** Reads the fast halt path (default true). See {@link ControlClientConfig#fastHalts()}. */
        public Builder fastHalts(boolean enabled) {
            this.fastHalts = enabled;
            return this;
        }

        /** Start-up look-back on the halt signals and outcomes (default 30 s; 0 to 1 h). */
        public Builder haltSignalLookback(Duration lookback) {
            this.haltSignalLookback = lookback;
            return this;
        }

        /**
         * The engine instance's id; required for engine reports (heartbeats and applied controls on
         * {@code trading.engine-reports}), which are off without it. Give each instance a stable id
         * that survives restarts (e.g. {@code eu-mm-07}): the platform tracks engines by it, so a
         * generated id would show every restart as a new engine and the old one as stale.
         * 1-128 of {@code A-Z a-z 0-9 . _ : -}.
         */
        public Builder engineId(String engineId) {
            this.engineId = engineId;
            return this;
        }

        /** The engine software's version, reported with every report (optional). */
        public Builder engineVersion(String engineVersion) {
            this.engineVersion = engineVersion;
            return this;
        }

        /** The host to report (default: the machine's host name). */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** Interval between heartbeats (default 1 s; 100 ms to 1 min). */
        public Builder heartbeatInterval(Duration interval) {
            this.heartbeatInterval = interval;
            return this;
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
            validateFastPath();
            return new ControlClientConfig(this);
        }

        private void validateFastPath() {
            if (haltSignalLookback == null || haltSignalLookback.isNegative()
                    || haltSignalLookback.compareTo(Duration.ofHours(1)) > 0) {
                throw new ControlClientConfigException("haltSignalLookback", "must be 0 to 1 h, was " + haltSignalLookback);
            }
            if (engineId != null && !ENGINE_ID.matcher(engineId).matches()) {
                throw new ControlClientConfigException("engineId",
                        "must be 1-128 of A-Z a-z 0-9 . _ : -, was '" + engineId + "'");
            }
            if (heartbeatInterval == null || heartbeatInterval.compareTo(Duration.ofMillis(100)) < 0
                    || heartbeatInterval.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new ControlClientConfigException("heartbeatInterval", "must be 100 ms to 1 min, was " + heartbeatInterval);
            }
        }

        private static boolean isHttp(URI url) {
            String scheme = url.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && url.getHost() != null;
        }
    }
}
