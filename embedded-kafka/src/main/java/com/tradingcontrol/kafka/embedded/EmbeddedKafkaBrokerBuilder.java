package com.tradingcontrol.kafka.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Configures an {@link EmbeddedKafkaBroker}; every setting is optional. Obtain via {@link EmbeddedKafkaBroker#builder()}. */
public final class EmbeddedKafkaBrokerBuilder {

    private Path dataDir;
    private int port;
    private int controllerPort;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private Duration startupTimeout = Duration.ofSeconds(60);

    EmbeddedKafkaBrokerBuilder() {
    }

    /** A persistent data directory, kept on close and reused on restart; default: a temporary one deleted on close. */
    public EmbeddedKafkaBrokerBuilder dataDir(Path dataDir) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath();
        return this;
    }

    /** The broker listener's port on 127.0.0.1; 0 (default) picks a free one. */
    public EmbeddedKafkaBrokerBuilder port(int port) {
        this.port = checkPort("port", port);
        return this;
    }

    /** The KRaft controller listener's port on 127.0.0.1; 0 (default) picks a free one. */
    public EmbeddedKafkaBrokerBuilder controllerPort(int controllerPort) {
        this.controllerPort = checkPort("controllerPort", controllerPort);
        return this;
    }

    /** An extra broker property, overriding the single-node defaults (identity, listeners and storage are fixed). */
    public EmbeddedKafkaBrokerBuilder property(String key, String value) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("broker property key must not be blank");
        }
        if (BrokerProperties.RESERVED.contains(key)) {
            throw new IllegalArgumentException("broker property '" + key
                    + "' is managed by EmbeddedKafkaBroker and cannot be set; reserved: " + BrokerProperties.RESERVED);
        }
        properties.put(key, Objects.requireNonNull(value, () -> "value of broker property '" + key + "'"));
        return this;
    }

    /** How long {@link EmbeddedKafkaBroker#start()} may take before it fails; default 60 s. */
    public EmbeddedKafkaBrokerBuilder startupTimeout(Duration startupTimeout) {
        if (startupTimeout == null || startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new IllegalArgumentException("startupTimeout must be positive, was " + startupTimeout);
        }
        this.startupTimeout = startupTimeout;
        return this;
    }

    /** Returns an unstarted broker; call {@link EmbeddedKafkaBroker#start()}. */
    public EmbeddedKafkaBroker build() {
        if (port != 0 && port == controllerPort) {
            throw new IllegalArgumentException("port and controllerPort must differ, both are " + port);
        }
        return new EmbeddedKafkaBroker(Optional.ofNullable(dataDir), port, controllerPort, properties, startupTimeout);
    }

    private static int checkPort(String key, int value) {
        if (value < 0 || value > 65_535) {
            throw new IllegalArgumentException(key + " must be 0 (pick a free port) or 1-65535, was " + value);
        }
        return value;
    }
}
