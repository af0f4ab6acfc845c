package com.tradingcontrol.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.api.wiring.SchemaRegistryConfig;
import com.tradingcontrol.projections.service.ProjectorConfig;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ApiMain's YAML schemaRegistry is checked against the registry the API really uses, not ignored. */
class RegistryAgreementTest {
    private static final String URL = "http://schema-registry:8080/apis/ccompat/v7";

    @Test
    void aYamlUrlNamingAnotherRegistryIsRejectedWithBothKeys() {
        assertThat(RegistryAgreement.disagreement(yamlUrl("http://other:8080/apis/ccompat/v7"), reads(URL)))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .contains("schemaRegistry.url (http://other:8080/apis/ccompat/v7)")
                        .contains("registry.url (TCP_REGISTRY_URL) = " + URL));
    }

    @Test
    void theSameRegistryOrNoSectionIsAccepted() {
        assertThat(RegistryAgreement.disagreement(yamlUrl(URL), reads(URL))).isEmpty();
        assertThat(RegistryAgreement.disagreement(yamlUrl(URL + "/"), reads(URL))).isEmpty();
        assertThat(RegistryAgreement.disagreement(null, reads(URL))).isEmpty();
    }

    @Test
    void aYamlDirectoryAgainstARemoteRegistryIsRejected() {
        SchemaRegistryConfig yaml = new SchemaRegistryConfig();
        yaml.setInProcessDir("/var/lib/tcp/registry");

        assertThat(RegistryAgreement.disagreement(yaml, reads(URL)))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .contains("schemaRegistry.inProcessDir (/var/lib/tcp/registry)")
                        .contains("registry.dir (TCP_REGISTRY_DIR) = unset"));
    }

    private static SchemaRegistryConfig yamlUrl(String url) {
        SchemaRegistryConfig yaml = new SchemaRegistryConfig();
        yaml.setUrl(URI.create(url));
        return yaml;
    }

    private static ProjectorConfig reads(String registryUrl) {
        return ProjectorConfig.from(Map.of("kafka.bootstrapServers", "kafka:9092", "registry.url", registryUrl,
                "store.type", "sqlite", "store.sqlite.file", "/tmp/reads.db"));
    }
}
