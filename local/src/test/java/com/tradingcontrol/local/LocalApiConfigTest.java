package com.tradingcontrol.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's API configuration: the admin servlet never shares the API's port. */
class LocalApiConfigTest {

    @Test
    void theAdminServletHasItsOwnLoopbackConnector(@TempDir Path dir) throws Exception {
        Path file = LocalApiConfig.write(dir, 8099, "127.0.0.1:9092", 3, TestPem.PEM, "local-1",
                dir.resolve("command-signing.key"));

        JsonNode server = new ObjectMapper(new YAMLFactory()).readTree(file.toFile()).path("server");

        assertThat(server.path("type").asText()).isEqualTo("default");
        assertThat(server.path("applicationConnectors")).hasSize(1);
        assertThat(server.path("applicationConnectors").get(0).path("port").asInt()).isEqualTo(8099);
        assertThat(server.path("adminConnectors")).hasSize(1);
        JsonNode admin = server.path("adminConnectors").get(0);
        assertThat(admin.path("bindHost").asText()).isEqualTo("127.0.0.1");
        assertThat(admin.path("port").asInt()).as("a free port, never the API's").isZero();
    }

    private static final class TestPem {
        static final String PEM = "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n";
    }
}
