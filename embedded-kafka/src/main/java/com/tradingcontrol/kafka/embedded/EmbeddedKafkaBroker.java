package com.tradingcontrol.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Kafka (combined broker and controller) running inside this JVM on loopback.
 *
 * <p>Lifecycle: {@link #start()} formats the data directory on first use and starts the node;
 * {@link #stop()} shuts it down but keeps ports and data so a later {@link #start()} brings the
 * same broker back (to simulate an outage); {@link #close()} stops it for good and deletes the data
 * directory if it was a temporary one. A persistent data directory keeps its cluster id, topics and
 * records across restarts and across JVMs.
 *
 * <p>Thread-safe: lifecycle methods are synchronized.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int FREE_PORT_ATTEMPTS = 3;
    private static final String LOG_SUBDIR = "kafka-logs";

    private final Optional<Path> requestedDataDir;
    private final int requestedPort;
    private final int requestedControllerPort;
    private final Map<String, String> extraProperties;
    private final Duration startupTimeout;

    private Path dataDir;
    private int port;
    private int controllerPort;
    private boolean portsPinned;
    private String clusterId;
    private KafkaRaftServer server;
    private boolean closed;

    EmbeddedKafkaBroker(Optional<Path> dataDir, int port, int controllerPort,
                        Map<String, String> extraProperties, Duration startupTimeout) {
        KafkaExitGuard.install();
        this.requestedDataDir = dataDir;
        this.requestedPort = port;
        this.requestedControllerPort = controllerPort;
        this.extraProperties = Map.copyOf(extraProperties);
        this.startupTimeout = startupTimeout;
    }

    public static EmbeddedKafkaBrokerBuilder builder() {
        return new EmbeddedKafkaBrokerBuilder();
    }

    /** Starts a broker on free ports with a temporary data directory that {@link #close()} deletes. */
    public static EmbeddedKafkaBroker startTemporary() {
        EmbeddedKafkaBroker broker = builder().build();
        try {
            return broker.start();
        } catch (RuntimeException e) {
            try {
                broker.close();
            } catch (RuntimeException cleanupFailure) {
                e.addSuppressed(cleanupFailure);
            }
            throw e;
        }
    }

    /**
     * Starts the broker (a no-op if it is running) and returns it once it answers clients.
     *
     * @throws EmbeddedKafkaException if it cannot be formatted or started within the startup timeout
     * @throws IllegalStateException if the broker was closed
     */
    public synchronized EmbeddedKafkaBroker start() {
        if (closed) {
            throw new IllegalStateException("this broker was closed; build a new one");
        }
        if (server != null) {
            return this;
        }
        long begin = System.nanoTime();
        clusterId = KraftStorage.ensureFormatted(logDir());
        int attempts = portsPinned ? 1 : FREE_PORT_ATTEMPTS;
        for (int attempt = 1; server == null; attempt++) {
            try {
                launchOnce();
            } catch (EmbeddedKafkaException e) {
                if (attempt >= attempts || !isPortConflict(e)) {
                    throw e;
                }
                LOG.warn("Port picked for the embedded broker was taken meanwhile; retrying on other ports", e);
            }
        }
        portsPinned = true;
        LOG.info("Embedded Kafka {} started at {} (data {}) in {} ms", clusterId, bootstrapServers(), dataDir,
                Duration.ofNanos(System.nanoTime() - begin).toMillis());
        return this;
    }

    /** Shuts the broker down, keeping its ports and data for a later {@link #start()}. No-op if not running. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        KafkaRaftServer running = server;
        server = null;
        RaftServerLauncher.shutdown(running);
        LOG.info("Embedded Kafka {} at {} stopped", clusterId, bootstrapServers());
    }

    /** Stops the broker and, if its data directory was temporary, deletes it. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stop();
        } finally {
            if (requestedDataDir.isEmpty() && dataDir != null) {
                deleteRecursively(dataDir);
            }
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** True once {@link #close()} was called; a closed broker cannot be started again. */
    public synchronized boolean isClosed() {
        return closed;
    }

    /** {@code host:port} of the broker listener, for {@code bootstrap.servers}. Known once started. */
    public synchronized String bootstrapServers() {
        return LoopbackPorts.HOST + ":" + port();
    }

    /** The broker listener's port. Known once started; kept across {@link #stop()}/{@link #start()}. */
    public synchronized int port() {
        requireStartedOnce();
        return port;
    }

    /** The directory holding the broker's data (Kafka's log dir is {@code kafka-logs} inside it). */
    public synchronized Path dataDir() {
        requireStartedOnce();
        return dataDir;
    }

    /** The KRaft cluster id, stable for the life of the data directory. */
    public synchronized String clusterId() {
        requireStartedOnce();
        return clusterId;
    }

    private void launchOnce() {
        if (!portsPinned) {
            port = requestedPort != 0 ? requestedPort : LoopbackPorts.pickFree();
            controllerPort = requestedControllerPort != 0 ? requestedControllerPort : pickOtherThan(port);
        }
        server = RaftServerLauncher.launch(
                BrokerProperties.build(logDir(), port, controllerPort, extraProperties),
                LoopbackPorts.HOST + ":" + port, clusterId, startupTimeout);
    }

    private static int pickOtherThan(int taken) {
        int candidate = LoopbackPorts.pickFree();
        return candidate != taken ? candidate : LoopbackPorts.pickFree();
    }

    private boolean isPortConflict(Throwable failure) {
        boolean portsWereFree = requestedPort == 0 || requestedControllerPort == 0;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException
                    || String.valueOf(t.getMessage()).contains("Address already in use")) {
                return portsWereFree;
            }
        }
        return false;
    }

    private Path logDir() {
        if (dataDir == null) {
            dataDir = requestedDataDir.orElseGet(EmbeddedKafkaBroker::createTempDir);
        }
        return dataDir.resolve(LOG_SUBDIR);
    }

    private void requireStartedOnce() {
        if (clusterId == null || !portsPinned) {
            throw new IllegalStateException("the broker has not been started yet");
        }
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("embedded-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary data directory for the embedded broker", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try {
            Utils.delete(dir.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the embedded broker's temporary data directory " + dir, e);
        }
    }
}
