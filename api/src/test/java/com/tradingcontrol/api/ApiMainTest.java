package com.tradingcontrol.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingcontrol.projections.service.ProjectorConfig;
import com.tradingcontrol.schemas.config.InvalidSettingException;
import com.tradingcontrol.schemas.config.ProcessorKeys;
import com.tradingcontrol.schemas.config.Settings;
import com.tradingcontrol.schemas.config.SettingsLoader;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** ApiMain reads its keys by the platform's one convention (the same as the processors' and the projector's). */
class ApiMainTest {

    @Test
    void environmentVariablesBecomeReadSideKeys() throws Exception {
        Settings settings = SettingsLoader.load(null, Map.of(
                "TCP_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "TCP_REGISTRY_URL", "http://registry:8080/apis/ccompat/v7",
                "TCP_STORE_TYPE", "cosmos",
                "TCP_COSMOS_ENDPOINT", "https://cosmos:8081/",
                "TCP_COSMOS_KEY", "a2V5",
                "TCP_COSMOS_DATABASE", "trading-control",
                "TCP_COSMOS_CONNECTION_MODE", "GATEWAY",
                "TCP_PROCESSOR_APPLICATION_ID", "tcp-processors",
                "TCP_API_URL", "http://a-cli-variable-not-a-key",
                "PATH", "/usr/bin"), new Properties());

        ProjectorConfig config = ProjectorConfig.from(settings);
        assertThat(config.bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(config.registryUrl()).isEqualTo("http://registry:8080/apis/ccompat/v7");
        assertThat(config.storeType()).isEqualTo(ProjectorConfig.StoreType.COSMOS);
        assertThat(config.cosmos().database()).isEqualTo("trading-control");
        assertThat(settings.required("cosmos.connectionMode")).isEqualTo("GATEWAY");
        assertThat(settings.required(ProcessorKeys.APPLICATION_ID)).isEqualTo("tcp-processors");
    }

    @Test
    void theOldReadSideVariablesAreRefusedNamingTheNewOnes() {
        assertThatThrownBy(() -> SettingsLoader.load(null, Map.of("TCP_READS_STORE_TYPE", "x"), new Properties()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("TCP_READS_STORE_TYPE")
                .hasMessageContaining("TCP_STORE_TYPE (key store.type)");
    }

    @Test
    void aMissingRequiredKeyIsNamed() throws Exception {
        Settings settings = SettingsLoader.load(null, Map.of(
                "TCP_REGISTRY_URL", "http://registry:8080", "TCP_STORE_TYPE", "sqlite",
                "TCP_STORE_SQLITE_FILE", "/tmp/p.db"), new Properties());
        assertThatThrownBy(() -> ProjectorConfig.from(settings)).hasMessageContaining("kafka.bootstrapServers");
    }

    @Test
    void theYamlClusterMustBeTheKeys() {
        ProjectorConfig reads = ProjectorConfig.from(Map.of("kafka.bootstrapServers", "kafka:9092",
                "registry.url", "http://r:8080", "store.type", "sqlite", "store.sqlite.file", "/tmp/p.db"));
        assertThat(RegistryAgreement.clusterDisagreement("kafka:9092", reads)).isEmpty();
        assertThat(RegistryAgreement.clusterDisagreement("other:9092", reads)).hasValueSatisfying(problem ->
                assertThat(problem).contains("kafka.bootstrapServers in the YAML (other:9092)")
                        .contains("TCP_KAFKA_BOOTSTRAP_SERVERS"));
    }
}
