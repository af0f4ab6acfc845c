package com.tradingcontrol.bench;

import com.tradingcontrol.local.PlatformAssembly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.server.Server;

/**
 * The real Dropwizard application, started by {@link com.tradingcontrol.local.PlatformAssembly} in this JVM on a
 * random loopback port from a generated configuration file (the same path a deployed API takes, rather than a
 * test harness); the file is tuned for load (threads, accept queue) and logs warnings only.
 */
public final class ApiServer {

    private final int port;

    ApiServer(Server server) {
        this.port = PlatformAssembly.applicationPort(server);
    }

    static Path writeConfig(Path workDir, String bootstrapServers, BenchTokens tokens, String signingKeyId,
                            Path signingKey) throws IOException {
        Path config = workDir.resolve("api-bench.yml");
        Files.writeString(config, yaml(bootstrapServers, tokens) + """
                commands:
                  signing:
                    keyId: %s
                    keyFile: %s
                """.formatted(signingKeyId, signingKey));
        return config;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private static String yaml(String bootstrapServers, BenchTokens tokens) {
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
                %s\
                kafka:
                  bootstrapServers: %s
                  partitions: 3
                """.formatted(BenchTokens.ISSUER, BenchTokens.AUDIENCE, tokens.authKeyYaml(), bootstrapServers);
    }
}
