package com.tradingcontrol.api;

import com.tradingcontrol.api.wiring.SchemaRegistryConfig;
import com.tradingcontrol.projections.service.ProjectorConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@link ApiMain} builds one schema registry client, from the keys {@code registry.url} /
 * {@code registry.dir} ({@code TCP_REGISTRY_URL} ...), and hands it to the command side too,
 * so the YAML's {@code schemaRegistry} section is not what the API uses. Rather than ignore that
 * section silently, the start fails when it names another registry than the one in use; likewise
 * when the YAML's {@code kafka.bootstrapServers} names another cluster than {@code kafka.bootstrapServers}.
 */
final class RegistryAgreement {
    private RegistryAgreement() {
    }

    /** Fails the start (before the server listens) when the YAML names another registry than {@code reads}. */
    static ApiExtension check(ProjectorConfig reads) {
        return (config, environment, runtime) -> disagreement(config.getSchemaRegistry(), reads)
                .or(() -> clusterDisagreement(config.getKafka() == null ? null
                        : config.getKafka().getBootstrapServers(), reads))
                .ifPresent(problem -> {
                    throw new IllegalStateException(problem);
                });
    }

    static Optional<String> clusterDisagreement(String yaml, ProjectorConfig reads) {
        if (yaml == null || yaml.equals(reads.bootstrapServers())) {
            return Optional.empty();
        }
        return Optional.of("kafka.bootstrapServers in the YAML (" + yaml + ") is not the cluster of the key "
                + "kafka.bootstrapServers (TCP_KAFKA_BOOTSTRAP_SERVERS) = " + reads.bootstrapServers()
                + "; drop -Ddw.kafka.bootstrapServers or set both to the same cluster");
    }

    static Optional<String> disagreement(SchemaRegistryConfig yaml, ProjectorConfig reads) {
        if (yaml == null) {
            return Optional.empty();
        }
        if (yaml.getUrl() != null && !sameUrl(yaml.getUrl(), reads.registryUrl())) {
            return Optional.of("schemaRegistry.url (" + yaml.getUrl() + ") is not the registry the API uses: "
                    + "registry.url (TCP_REGISTRY_URL) = " + orUnset(reads.registryUrl())
                    + "; set both to the same registry or drop schemaRegistry from the YAML");
        }
        if (yaml.getInProcessDir() != null && !Path.of(yaml.getInProcessDir()).equals(reads.registryDir())) {
            return Optional.of("schemaRegistry.inProcessDir (" + yaml.getInProcessDir() + ") is not the registry "
                    + "the API uses: registry.dir (TCP_REGISTRY_DIR) = " + orUnset(reads.registryDir())
                    + "; set both to the same directory or drop schemaRegistry from the YAML");
        }
        return Optional.empty();
    }

    // A trailing slash names the same registry.
    private static boolean sameUrl(URI yaml, String reads) {
        return reads != null && strip(yaml.toString()).equals(strip(reads));
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String orUnset(Object value) {
        return value == null ? "unset" : value.toString();
    }
}
