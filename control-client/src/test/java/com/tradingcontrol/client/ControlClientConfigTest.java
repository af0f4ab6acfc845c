package com.tradingcontrol.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlClientConfigTest {

    private static ControlClientConfig.Builder valid() {
        return ControlClientConfig.builder().bootstrapServers("127.0.0.1:9092").schemaRegistryUrl("http://127.0.0.1:8081");
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        ControlClientConfig config = valid().build();
        assertThat(config.lease()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.clientId()).isEqualTo("control-client");
        assertThat(config.schemaRegistryUrl()).hasToString("http://127.0.0.1:8081");
        assertThat(config.fastHalts()).isTrue();
        assertThat(config.haltSignalLookback()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.engineId()).as("reports off unless an engine id is given").isNull();
        assertThat(config.heartbeatInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void fastPathAndReportSettingsAreValidated() {
        assertThat(valid().engineId("eu-mm-07").engineVersion("1.2").host("h1").build().engineId()).isEqualTo("eu-mm-07");
        assertThatThrownBy(() -> valid().engineId("has space").build())
                .isInstanceOfSatisfying(ControlClientConfigException.class, e -> assertThat(e.key()).isEqualTo("engineId"));
        assertThatThrownBy(() -> valid().engineId("").build())
                .isInstanceOfSatisfying(ControlClientConfigException.class, e -> assertThat(e.key()).isEqualTo("engineId"));
        assertThatThrownBy(() -> valid().heartbeatInterval(Duration.ofMillis(50)).build())
                .isInstanceOfSatisfying(ControlClientConfigException.class,
                        e -> assertThat(e.key()).isEqualTo("heartbeatInterval"));
        assertThatThrownBy(() -> valid().haltSignalLookback(Duration.ofSeconds(-1)).build())
                .isInstanceOfSatisfying(ControlClientConfigException.class,
                        e -> assertThat(e.key()).isEqualTo("haltSignalLookback"));
        assertThatThrownBy(() -> valid().haltSignalLookback(Duration.ofHours(2)).build())
                .isInstanceOfSatisfying(ControlClientConfigException.class,
                        e -> assertThat(e.key()).isEqualTo("haltSignalLookback"));
    }

    @Test
    void everyProblemNamesItsSetting() {
        assertThatThrownBy(() -> valid().bootstrapServers(" ").build())
                .isInstanceOfSatisfying(ControlClientConfigException.class, e -> assertThat(e.key()).isEqualTo("bootstrapServers"));
        assertThatThrownBy(() -> valid().lease(Duration.ofMillis(100)).build())
                .isInstanceOfSatisfying(ControlClientConfigException.class, e -> assertThat(e.key()).isEqualTo("lease"))
                .hasMessageContaining("500 ms");
        assertThatThrownBy(() -> valid().schemaRegistryUrl("ftp://x").build())
                .isInstanceOfSatisfying(ControlClientConfigException.class, e -> assertThat(e.key()).isEqualTo("schemaRegistryUrl"));
        assertThatThrownBy(() -> ControlClientConfig.builder().bootstrapServers("h:1").build())
                .isInstanceOfSatisfying(ControlClientConfigException.class, e -> assertThat(e.key()).isEqualTo("schemaRegistryUrl"));
        assertThatThrownBy(() -> valid().clientId("").build())
                .isInstanceOfSatisfying(ControlClientConfigException.class, e -> assertThat(e.key()).isEqualTo("clientId"));
    }

    @Test
    void readsTheLaunchersLocalJson(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("local.json");
        Files.writeString(file, """
                {"api": "http://127.0.0.1:8080", "ws": "ws://127.0.0.1:8080", "kafka": "127.0.0.1:9092",
                 "schemaRegistry": "http://127.0.0.1:8081", "tokens": {"admin": "x"}}""");
        ControlClientConfig config = ControlClientConfig.fromLocalJson(file).build();
        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(config.schemaRegistryUrl()).hasToString("http://127.0.0.1:8081");

        Files.writeString(file, "{\"bootstrapServers\": \"h:1\", \"schemaRegistry\": \"http://r:2\"}");
        assertThat(ControlClientConfig.fromLocalJson(file).build().bootstrapServers()).isEqualTo("h:1");
    }

    @Test
    void anIncompleteOrMissingLocalJsonNamesWhatIsMissing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("local.json");
        Files.writeString(file, "{\"kafka\": \"127.0.0.1:9092\"}");
        assertThatThrownBy(() -> ControlClientConfig.fromLocalJson(file))
                .isInstanceOfSatisfying(ControlClientConfigException.class, e -> assertThat(e.key()).isEqualTo("schemaRegistryUrl"));
        assertThatThrownBy(() -> ControlClientConfig.fromLocalJson(dir.resolve("absent.json")))
                .isInstanceOfSatisfying(ControlClientConfigException.class, e -> assertThat(e.key()).isEqualTo("localJson"));
    }
}
