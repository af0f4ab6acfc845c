package com.tradingcontrol.local;

import com.tradingcontrol.local.registry.RegistryRestServer;
import com.tradingcontrol.schemas.registry.CachingSchemaRegistryClient;
import com.tradingcontrol.schemas.registry.CompatibilityLevel;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.registry.RestRegistryConfig;
import com.tradingcontrol.schemas.registry.RestSchemaRegistryClient;
import com.tradingcontrol.schemas.registry.SchemaRegistryClient;
import com.tradingcontrol.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * The launcher's schema registry: by default the in-process one in the data dir, served over the
 * Confluent REST API on loopback so engines (and other processes) can read it; with
 * {@code --schema-registry URL}, an external Confluent-API registry instead, and nothing is served.
 *
 * <p>The in-process registry's default level is BACKWARD_TRANSITIVE, the rule the schemas module's
 * evolution gate applies to the contracts, so a registration over REST is judged like a release.
 */
final class LocalSchemaRegistry implements AutoCloseable {
    static final CompatibilityLevel DEFAULT_LEVEL = CompatibilityLevel.BACKWARD_TRANSITIVE;

    private final SchemaRegistryClient client;
    private final URI url;
    private final AutoCloseable resources;

    private LocalSchemaRegistry(SchemaRegistryClient client, URI url, AutoCloseable resources) {
        this.client = client;
        this.url = url;
        this.resources = resources;
    }

    /** Opens the in-process registry in {@code dir} and serves it on 127.0.0.1 at a free port. */
    static LocalSchemaRegistry served(Path dir) throws IOException {
        InProcessSchemaRegistry registry = InProcessSchemaRegistry.persistent(dir, DEFAULT_LEVEL);
        try {
            RegistryRestServer server = RegistryRestServer.start(registry, 0);
            return new LocalSchemaRegistry(registry, server.url(), () -> {
                try (registry) {
                    server.close();
                }
            });
        } catch (IOException | RuntimeException e) {
            registry.close();
            throw e;
        }
    }

    /**
     * Uses the registry at {@code url}. It is asked for its compatibility level once here, so a wrong
     * URL fails the start with a clear message instead of the first write much later.
     */
    static LocalSchemaRegistry external(URI url) {
        RestRegistryConfig config = new RestRegistryConfig(url, RestRegistryConfig.DEFAULT_CONNECT_TIMEOUT,
                RestRegistryConfig.DEFAULT_REQUEST_TIMEOUT);
        SchemaRegistryClient client = CachingSchemaRegistryClient.of(new RestSchemaRegistryClient(config));
        try {
            client.getCompatibility(null);
        } catch (SchemaRegistryException e) {
            throw new IllegalStateException("the schema registry at " + url + " does not answer GET /config: "
                    + e.getMessage(), e);
        }
        return new LocalSchemaRegistry(client, url, () -> {
        });
    }

    SchemaRegistryClient client() {
        return client;
    }

    /** What engines use: the served URL, or the external one as given. */
    URI url() {
        return url;
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
