package com.tradingcontrol.kafka.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats a KRaft log directory once and afterwards reuses its cluster id.
 *
 * <p>Formatting a directory that already holds data with a different cluster id makes the broker
 * refuse to start, so an already formatted directory (one with {@code meta.properties}) is never
 * formatted again: its id is read back instead.
 */
final class KraftStorage {

    static final String META_PROPERTIES = "meta.properties";
    private static final Logger LOG = LoggerFactory.getLogger(KraftStorage.class);

    private KraftStorage() {
    }

    /** Returns the cluster id of {@code logDir}, formatting the directory first if it never was. */
    static String ensureFormatted(Path logDir) {
        Optional<String> existing = readClusterId(logDir);
        if (existing.isPresent()) {
            return existing.get();
        }
        String clusterId = Uuid.randomUuid().toString();
        format(logDir, clusterId);
        return clusterId;
    }

    static Optional<String> readClusterId(Path logDir) {
        Path meta = logDir.resolve(META_PROPERTIES);
        if (!Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(meta)) {
            properties.load(in);
        } catch (IOException e) {
            throw new EmbeddedKafkaException("cannot read " + meta, e);
        }
        String clusterId = properties.getProperty("cluster.id");
        if (clusterId == null || clusterId.isBlank()) {
            throw new EmbeddedKafkaException(meta + " has no cluster.id; the directory is not a usable KRaft log dir");
        }
        return Optional.of(clusterId.trim());
    }

    private static void format(Path logDir, String clusterId) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(print)
                    .setNodeId(BrokerProperties.NODE_ID)
                    .setClusterId(clusterId)
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(BrokerProperties.CONTROLLER_LISTENER)
                    // Static quorum (controller.quorum.voters): there is exactly one voter, this node.
                    .setHasDynamicQuorum(false)
                    .run();
        } catch (Exception e) {
            throw new EmbeddedKafkaException("formatting KRaft storage in " + logDir + " failed", e);
        }
        LOG.info("Formatted KRaft storage {} with cluster id {}", logDir, clusterId);
        LOG.debug("Formatter output: {}", output.toString(StandardCharsets.UTF_8).trim());
    }
}
