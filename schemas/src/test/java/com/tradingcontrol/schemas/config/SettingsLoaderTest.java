package com.tradingcontrol.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
    @TempDir
    Path dir;

    @Test
    void theFileIsOverriddenByTheEnvironmentWhichIsOverriddenBySystemProperties() throws Exception {
        Path file = Files.writeString(dir.resolve("tcp.properties"),
                "kafka.bootstrapServers=file:9092\nprocessor.partitions=3\nprocessor.numThreads=2\n");
        Properties system = new Properties();
        system.setProperty("processor.numThreads", "4");
        system.setProperty("java.io.tmpdir", "/not/a/key");

        Settings settings = SettingsLoader.load(file, Map.of("TCP_KAFKA_BOOTSTRAP_SERVERS", "env:9092",
                "TCP_PROCESSOR_NUM_THREADS", "3", "TCP_API_URL", "http://not-a-key", "PATH", "/bin"), system);

        assertThat(settings.asMap()).containsOnly(Map.entry("kafka.bootstrapServers", "env:9092"),
                Map.entry("processor.partitions", "3"), Map.entry("processor.numThreads", "4"));
    }

    @Test
    void theFileIsNamedByTcpConfigWhenNotGiven() throws Exception {
        Path file = Files.writeString(dir.resolve("api.properties"), "store.type=sqlite\n");
        Settings settings = SettingsLoader.load(null, Map.of("TCP_CONFIG", file.toString()), new Properties());
        assertThat(settings.required("store.type")).isEqualTo("sqlite");
    }

    @Test
    void variablesMatchIgnoringCaseAndSeparators() {
        assertThat(SettingsLoader.fromEnvironment(Map.of("TCP_KAFKA_BOOTSTRAPSERVERS", "a", "TCP_COSMOS_CONNECTION_MODE",
                "GATEWAY"))).containsOnly(Map.entry("kafka.bootstrapServers", "a"),
                Map.entry("cosmos.connectionMode", "GATEWAY"));
        assertThat(KeySet.environmentName("processor.controlCommitSpacing"))
                .isEqualTo("TCP_PROCESSOR_CONTROL_COMMIT_SPACING");
    }

    @Test
    void oldVariablesStopTheStartNamingTheNewOne() {
        assertThatThrownBy(() -> SettingsLoader.fromEnvironment(Map.of("PROCESSOR_BOOTSTRAP_SERVERS", "k:9092")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("PROCESSOR_BOOTSTRAP_SERVERS")
                .hasMessageContaining("TCP_KAFKA_BOOTSTRAP_SERVERS (key kafka.bootstrapServers)");
        assertThatThrownBy(() -> SettingsLoader.fromEnvironment(Map.of("PROJECTOR_COSMOS_KEY", "k")))
                .hasMessageContaining("TCP_COSMOS_KEY");
        assertThatThrownBy(() -> SettingsLoader.fromEnvironment(Map.of("TCP_READS_PROCESSORS_APPLICATION_ID", "p")))
                .hasMessageContaining("TCP_PROCESSOR_APPLICATION_ID");
        assertThatThrownBy(() -> SettingsLoader.load(null, Map.of("TCP_READS_CONFIG", "/x"), new Properties()))
                .hasMessageContaining("TCP_READS_CONFIG").hasMessageContaining("TCP_CONFIG");
    }

    @Test
    void renamedAndUnknownKeysStopTheStartNamingThem() throws Exception {
        Path old = Files.writeString(dir.resolve("old.properties"), "processor.commitIntervalMs=100\n");
        assertThatThrownBy(() -> SettingsLoader.load(old, Map.of(), new Properties()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("'processor.commitIntervalMs'").hasMessageContaining("processor.commitInterval ");
        Properties typo = new Properties();
        typo.setProperty("projector.pollTimeot", "1s");
        assertThatThrownBy(() -> SettingsLoader.load(null, Map.of(), typo))
                .hasMessageContaining("'projector.pollTimeot'").hasMessageContaining("not a configuration key");
    }

    @Test
    void durationsAreShortOrIso() {
        assertThat(Durations.parse("k", "100ms")).isEqualTo(Duration.ofMillis(100));
        assertThat(Durations.parse("k", "2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(Durations.parse("k", "5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("k", "PT0.2S")).isEqualTo(Duration.ofMillis(200));
        assertThatThrownBy(() -> Durations.parse("processor.commitInterval", "100"))
                .hasMessageContaining("'processor.commitInterval'").hasMessageContaining("100ms");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.format(Duration.ofMinutes(30))).isEqualTo("30m");
    }

    @Test
    void typedValuesNameTheirKey() {
        Settings s = Settings.of(Map.of("processor.partitions", "x", "processor.numThreads", "99",
                "store.type", "mongo", "rebuild.dropOld", "yes"));
        assertThatThrownBy(() -> s.integer("processor.partitions", 3, 1, 1000))
                .hasMessageContaining("'processor.partitions'").hasMessageContaining("integer");
        assertThatThrownBy(() -> s.integer("processor.numThreads", 1, 1, 64))
                .hasMessageContaining("between 1 and 64");
        assertThatThrownBy(() -> s.bool("rebuild.dropOld", false)).hasMessageContaining("'rebuild.dropOld'");
        assertThatThrownBy(() -> s.required("kafka.bootstrapServers")).hasMessageContaining("is required");
        assertThat(s.duration("processor.commitInterval", Duration.ofMillis(100), Duration.ofMillis(1),
                Duration.ofMinutes(1))).isEqualTo(Duration.ofMillis(100));
    }
}
