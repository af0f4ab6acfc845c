package com.tradingcontrol.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KraftStorageTest {

    @TempDir
    Path dir;

    @Test
    void formatsAFreshDirectoryAndRecordsTheClusterId() throws Exception {
        Path logDir = dir.resolve("kafka-logs");

        String clusterId = KraftStorage.ensureFormatted(logDir);

        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(logDir.resolve("meta.properties"))) {
            meta.load(in);
        }
        assertThat(meta.getProperty("cluster.id")).isEqualTo(clusterId);
        assertThat(meta.getProperty("node.id")).isEqualTo("1");
        assertThat(KraftStorage.readClusterId(logDir)).contains(clusterId);
    }

    @Test
    void neverReformatsAFormattedDirectory() throws Exception {
        String first = KraftStorage.ensureFormatted(dir);
        byte[] metaBefore = Files.readAllBytes(dir.resolve("meta.properties"));

        String second = KraftStorage.ensureFormatted(dir);

        assertThat(second).isEqualTo(first);
        assertThat(Files.readAllBytes(dir.resolve("meta.properties"))).isEqualTo(metaBefore);
    }

    @Test
    void anUnformattedDirectoryHasNoClusterId() {
        assertThat(KraftStorage.readClusterId(dir)).isEmpty();
    }

    @Test
    void aMetaPropertiesWithoutClusterIdIsRejectedNamingTheFile() throws Exception {
        Files.writeString(dir.resolve("meta.properties"), "node.id=1\nversion=1\n");

        assertThatThrownBy(() -> KraftStorage.ensureFormatted(dir))
                .isInstanceOf(EmbeddedKafkaException.class)
                .hasMessageContaining(dir.resolve("meta.properties").toString())
                .hasMessageContaining("cluster.id");
    }
}
