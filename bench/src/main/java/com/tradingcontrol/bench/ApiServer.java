package com.tradingcontrol.bench;

import com.tradingcontrol.api.ApiExtension;
import com.tradingcontrol.api.ControlPlaneApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;

/**
 * The real Dropwizard application started in this JVM on a random loopback port from a generated
 * configuration file (the same path a deployed API takes, rather than a test harness).
 */
public final class ApiServer implements AutoCloseable {

    private final Server server;
    private final int port;

    private ApiServer(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    public static ApiServer start(Path workDir, String bootstrapServers, String publicKeyPem, String signingKeyId,
                                  Path signingKey, List<ApiExtension> extensions) throws Exception {
        Path config = workDir.resolve("api-bench.yml");
        Files.writeString(config, yaml(bootstrapServers, publicKeyPem) + """
                commands:
                  signing:
                    keyId: %s
                    keyFile: %s
                """.formatted(signingKeyId, signingKey));
        CompletableFuture<Server> started = new CompletableFuture<>();
        List<ApiExtension> all = new ArrayList<>(extensions);
        all.add((cfg, environment, runtime) -> environment.lifecycle().addServerLifecycleListener(started::complete));
        new ControlPlaneApplication(all).run("server", config.toString());
        Server server = started.get(60, TimeUnit.SECONDS);
        int port = ((NetworkConnector) server.getConnectors()[0]).getLocalPort();
        return new ApiServer(server, port);
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private static String yaml(String bootstrapServers, String publicKeyPem) {
        String pem = publicKeyPem.strip().replace("\n", "\n    ");
        return """
                server:
                  type: default
                  applicationConnectors:
                    - type: http
                      bindHost: 127.0.0.1
                      port: 0
                      acceptQueueSize: 1024
                  adminConnectors:
                    - type: http
                      bindHost: 127.0.0.1
                      port: 0
                  maxThreads: 256
                  requestLog:
                    appenders: []
                logging:
                  level: WARN
                  appenders:
                    - type: console
                      target: stderr
                auth:
                  issuer: %s
                  audience: %s
                  publicKeyPem: |
                    %s
                kafka:
                  bootstrapServers: %s
                  partitions: 3
                """.formatted(BenchTokens.ISSUER, BenchTokens.AUDIENCE, pem, bootstrapServers);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
