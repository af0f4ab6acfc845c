package com.tradingcontrol.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingcontrol.projections.service.ProjectorConfig;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ApiMainTest {

    @Test
    void environmentVariablesBecomeReadSideKeysOverTheFile() {
        Properties file = new Properties();
        file.setProperty("store.type", "sqlite");
        file.setProperty("store.sqlite.file", "/tmp/p.db");
        Properties merged = ApiMain.withEnvironment(file, Map.of(
                "TCP_READS_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "TCP_READS_REGISTRY_URL", "http://registry:8080/apis/ccompat/v7",
                "TCP_READS_STORE_TYPE", "cosmos",
                "TCP_READS_COSMOS_ENDPOINT", "https://cosmos:8081/",
                "TCP_READS_COSMOS_KEY", "a2V5",
                "TCP_READS_COSMOS_DATABASE", "trading-control",
                "TCP_READS_COSMOS_CONNECTIONMODE", "GATEWAY",
                "TCP_READS_CONFIG", "/ignored/as/a/key",
                "PATH", "/usr/bin"));

        ProjectorConfig config = ProjectorConfig.from(merged);
        assertThat(config.bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(config.registryUrl()).isEqualTo("http://registry:8080/apis/ccompat/v7");
        assertThat(config.storeType()).isEqualTo(ProjectorConfig.StoreType.COSMOS);
        assertThat(config.cosmos().database()).isEqualTo("trading-control");
        assertThat(merged.getProperty("cosmos.connectionMode")).isEqualTo("GATEWAY");
    }

    @Test
    void anUnknownVariableIsRejectedByName() {
        assertThatThrownBy(() -> ApiMain.withEnvironment(new Properties(), Map.of("TCP_READS_STORE_KIND", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TCP_READS_STORE_KIND")
                .hasMessageContaining("store.type");
    }

    @Test
    void aMissingRequiredKeyIsNamed() {
        Properties props = ApiMain.withEnvironment(new Properties(), Map.of(
                "TCP_READS_REGISTRY_URL", "http://registry:8080", "TCP_READS_STORE_TYPE", "sqlite",
                "TCP_READS_STORE_SQLITE_FILE", "/tmp/p.db"));
        assertThatThrownBy(() -> ProjectorConfig.from(props)).hasMessageContaining("kafka.bootstrapServers");
    }
}
