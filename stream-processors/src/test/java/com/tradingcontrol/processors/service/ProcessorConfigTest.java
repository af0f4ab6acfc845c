package com.tradingcontrol.processors.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingcontrol.processors.topology.StreamsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessorConfigTest {

    @Test
    void defaultsApplyWhenOnlyTheBootstrapServersAreGiven() {
        ProcessorConfig config = ProcessorConfig.fromProperties(Map.of(ProcessorConfig.BOOTSTRAP_SERVERS, "k:9092",
                TestKeys.property(), TestKeys.keyFile()));

        assertThat(config.applicationId()).isEqualTo("trading-control-processors");
        assertThat(config.schemaRegistryUrl()).isNull();
        assertThat(config.schemaRegistryDataDir()).isNull();
        assertThat(config.partitions()).isEqualTo(3);
        assertThat(config.commitInterval()).isEqualTo(StreamsSettings.DEFAULT_COMMIT_INTERVAL);
        assertThat(config.controlCommitSpacing()).isEqualTo(StreamsSettings.DEFAULT_CONTROL_COMMIT_SPACING);
        assertThat(config.numThreads()).isEqualTo(1);
        assertThat(config.streamsOverrides()).containsOnlyKeys("group.instance.id");
    }

    @Test
    void theDefaultInstanceIdIsStablePerStateDirAndDiffersBetweenStateDirs() {
        Map<String, String> a = Map.of(ProcessorConfig.BOOTSTRAP_SERVERS, "k:9092", ProcessorConfig.STATE_DIR, "/var/a",
                TestKeys.property(), TestKeys.keyFile());
        Map<String, String> b = Map.of(ProcessorConfig.BOOTSTRAP_SERVERS, "k:9092", ProcessorConfig.STATE_DIR, "/var/b",
                TestKeys.property(), TestKeys.keyFile());

        assertThat(ProcessorConfig.fromProperties(a).instanceId())
                .isEqualTo(ProcessorConfig.fromProperties(new HashMap<>(a)).instanceId())
                .isNotEqualTo(ProcessorConfig.fromProperties(b).instanceId());
    }

    @Test
    void anExplicitInstanceIdBecomesTheGroupInstanceId() {
        ProcessorConfig config = ProcessorConfig.fromProperties(Map.of(ProcessorConfig.BOOTSTRAP_SERVERS, "k:9092",
                ProcessorConfig.INSTANCE_ID, "processor-2", TestKeys.property(), TestKeys.keyFile()));

        assertThat(config.instanceId()).isEqualTo("processor-2");
        assertThat(config.streamsOverrides()).containsEntry("group.instance.id", "processor-2");
    }

    @Test
    void everyKeyIsRead() {
        Map<String, String> p = new HashMap<>();
        p.put(ProcessorConfig.BOOTSTRAP_SERVERS, "a:1,b:2");
        p.put(ProcessorConfig.APPLICATION_ID, "tcp-1");
        p.put(ProcessorConfig.REGISTRY_URL, "http://registry:8081/apis/ccompat/v7");
        p.put(ProcessorConfig.PARTITIONS, "6");
        p.put(ProcessorConfig.REPLICATION_FACTOR, "3");
        p.put(ProcessorConfig.COMMIT_INTERVAL, "50ms");
        p.put(ProcessorConfig.CONTROL_COMMIT_SPACING, "0ms");
        p.put(ProcessorConfig.STATE_DIR, "/var/lib/tcp");
        p.put(ProcessorConfig.NUM_THREADS, "2");
        p.put(ProcessorConfig.EXPIRY_SCAN, "PT0.5S"); // ISO-8601 is still read
        p.put(ProcessorConfig.STREAMS_PREFIX + "session.timeout.ms", "10000");
        p.put(TestKeys.property(), TestKeys.keyFile());
        p.put(ProcessorConfig.COMMAND_KEYS_PREFIX + "api-old", TestKeys.keyFile());

        ProcessorConfig config = ProcessorConfig.fromProperties(p);

        assertThat(config.schemaRegistryUrl()).hasToString("http://registry:8081/apis/ccompat/v7");
        assertThat(config.partitions()).isEqualTo(6);
        assertThat(config.replicationFactor()).isEqualTo((short) 3);
        assertThat(config.commitInterval()).isEqualTo(Duration.ofMillis(50));
        assertThat(config.controlCommitSpacing()).isZero();
        assertThat(config.stateDir()).isEqualTo(Path.of("/var/lib/tcp"));
        assertThat(config.numThreads()).isEqualTo(2);
        assertThat(config.expiryScanInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.streamsOverrides()).containsEntry("session.timeout.ms", "10000");
        assertThat(config.commandVerifier().keyIds()).containsExactlyInAnyOrder(TestKeys.KEY_ID, "api-old");
    }

    @Test
    void commandKeysAreRequiredAndEachIsLoadedAtStartWithItsKeyNamed() {
        assertThatThrownBy(() -> ProcessorConfig.fromProperties(Map.of(ProcessorConfig.BOOTSTRAP_SERVERS, "k:9092")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("invalid configuration 'processor.commandKeys.<keyId>': at least one");
        assertThatThrownBy(() -> load(ProcessorConfig.COMMAND_KEYS_PREFIX + "api-2", "/nonexistent/key.pem"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("invalid configuration 'processor.commandKeys.api-2': cannot load");
        assertThatThrownBy(() -> load(ProcessorConfig.COMMAND_KEYS_PREFIX + "bad id", TestKeys.keyFile()))
                .hasMessageStartingWith("invalid configuration 'processor.commandKeys.bad id'");
    }

    @Test
    void aFileThatIsNoPublicKeyIsNamed(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path notAKey = java.nio.file.Files.writeString(dir.resolve("k.key"), "c2hvcnQ=\n");
        assertThatThrownBy(() -> load(ProcessorConfig.COMMAND_KEYS_PREFIX + "api-3", notAKey.toString()))
                .hasMessageStartingWith("invalid configuration 'processor.commandKeys.api-3': cannot load " + notAKey)
                .hasMessageContaining("at least 32 random bytes");
    }

    @Test
    void aMissingBootstrapServerIsNamed() {
        assertThatThrownBy(() -> ProcessorConfig.fromProperties(Map.of()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("invalid configuration 'kafka.bootstrapServers': is required");
    }

    @Test
    void badValuesAreReportedWithTheirKey() {
        assertThatThrownBy(() -> load(ProcessorConfig.PARTITIONS, "0"))
                .hasMessage("invalid configuration 'processor.partitions': must be between 1 and 1000, got 0");
        assertThatThrownBy(() -> load(ProcessorConfig.COMMIT_INTERVAL, "100"))
                .hasMessage("invalid configuration 'processor.commitInterval': expected a duration such as 100ms, 2s"
                        + " or 5m, got '100'");
        assertThatThrownBy(() -> load(ProcessorConfig.REGISTRY_URL, "registry:8081"))
                .hasMessageStartingWith("invalid configuration 'registry.url'");
        assertThatThrownBy(() -> load(ProcessorConfig.APPLICATION_ID, "has space"))
                .hasMessageStartingWith("invalid configuration 'processor.applicationId'");
        assertThatThrownBy(() -> load(ProcessorConfig.CONTROL_COMMIT_SPACING, "2m"))
                .hasMessage("invalid configuration 'processor.controlCommitSpacing': must be between 0ms and 1m, got 2m");
        assertThatThrownBy(() -> load(ProcessorConfig.NUM_THREADS, "65"))
                .hasMessageContaining("processor.numThreads");
    }

    private static ProcessorConfig load(String key, String value) {
        Map<String, String> p = new HashMap<>(Map.of(ProcessorConfig.BOOTSTRAP_SERVERS, "k:9092", key, value));
        p.putIfAbsent(TestKeys.property(), TestKeys.keyFile());
        return ProcessorConfig.fromProperties(p);
    }
}
