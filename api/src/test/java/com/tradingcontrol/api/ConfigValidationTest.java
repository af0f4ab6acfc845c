package com.tradingcontrol.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingcontrol.api.support.TestKeys;
import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Startup validation of the typed configuration: each bad value is reported with its key. */
class ConfigValidationTest {
    @TempDir
    Path dir;

    private ControlPlaneConfiguration load(String yaml) throws Exception {
        Path file = dir.resolve("config.yml");
        Files.writeString(file, yaml);
        return new YamlConfigurationFactory<>(ControlPlaneConfiguration.class, Validators.newValidator(),
                ControlPlaneApplication.configure(Jackson.newObjectMapper()), "dw").build(new FileConfigurationSourceProvider(), file.toString());
    }

    static String pemBlock() {
        return "  publicKeyPem: |\n" + TestKeys.rsaPem().lines().map(l -> "    " + l + "\n").reduce("", String::concat);
    }

    static final String AUTH = "auth:\n  issuer: https://issuer.test\n  audience: api\n";

    @Test
    void validConfigurationLoadsWithDefaults() throws Exception {
        ControlPlaneConfiguration config = load(AUTH + pemBlock());

        assertThat(config.getRequestId().getMaxLength()).isEqualTo(128);
        assertThat(config.getMaxRequestBodySize().toKibibytes()).isEqualTo(64);
        assertThat(config.getAuth().getRolesClaim()).isEqualTo("roles");
    }

    @Test
    void shippedExampleConfigurationIsValid() throws Exception {
        ControlPlaneConfiguration config = load(Files.readString(Path.of("config.yml")));

        assertThat(config.getAuth().getJwks().getUrl().getHost()).isEqualTo("issuer.example");
    }

    @Test
    void theApplicationSubstitutesEnvironmentVariablesWithDefaults() throws Exception {
        Bootstrap<ControlPlaneConfiguration> bootstrap = new Bootstrap<>(new ControlPlaneApplication());
        bootstrap.getApplication().initialize(bootstrap);
        Path file = write(dir, "auth:\n  issuer: ${HOME}\n  audience: ${TCP_TEST_UNSET_AUDIENCE:-api-from-default}\n"
                + pemBlock());

        ControlPlaneConfiguration config = new YamlConfigurationFactory<>(ControlPlaneConfiguration.class,
                Validators.newValidator(), bootstrap.getObjectMapper(), "dw")
                .build(bootstrap.getConfigurationSourceProvider(), file.toString());

        assertThat(config.getAuth().getIssuer()).isEqualTo(System.getenv("HOME")).doesNotContain("${");
        assertThat(config.getAuth().getAudience()).isEqualTo("api-from-default");
    }

    @Test
    void missingIssuerIsNamed() {
        assertInvalid("auth:\n  audience: api\n" + pemBlock(), "auth.issuer");
    }

    @Test
    void noKeySourceIsNamed() {
        assertInvalid(AUTH, "auth.publicKeyPem, auth.jwks, auth.hs256Secret");
    }

    @Test
    void twoKeySourcesAreRefused() {
        assertInvalid(AUTH + pemBlock() + "  jwks:\n    url: https://issuer.test/jwks\n", "exactly one of");
    }

    @Test
    void hs256SecretWithoutExplicitOptInIsRefused() {
        assertInvalid(AUTH + "  hs256Secret: 0123456789abcdef0123456789abcdef\n", "auth.allowHs256");
    }

    @Test
    void shortHs256SecretIsRefused() {
        assertInvalid(AUTH + "  allowHs256: true\n  hs256Secret: short\n", "at least 32 bytes");
    }

    @Test
    void unparseablePublicKeyIsRefused() {
        assertInvalid(AUTH + "  publicKeyPem: not-a-key\n", "auth.publicKeyPem must be a PEM-encoded");
    }

    @Test
    void outOfRangeValuesAreNamed() {
        assertInvalid(AUTH + pemBlock() + "requestId:\n  maxLength: 5000\n", "requestId.maxLength");
        assertInvalid(AUTH + pemBlock() + "websocket:\n  replayBufferSize: 0\n", "websocket.replayBufferSize");
        assertInvalid(AUTH + pemBlock() + "commands:\n  kafkaTimeout: 10ms\n", "commands.kafkaTimeout");
    }

    @Test
    void unknownKeysAreRefused() {
        assertThatThrownBy(() -> load(AUTH + pemBlock() + "authz: {}\n")).hasMessageContaining("authz");
    }

    @Test
    void enginesKeysHaveDefaultsAndOutOfRangeValuesNameTheirKey() throws Exception {
        var engines = load(AUTH + pemBlock()).getEngines();

        assertThat(engines.haltDecideBy()).isEqualTo(java.time.Duration.ofSeconds(10));
        assertThat(engines.fleetSettings().heartbeatTimeout()).isEqualTo(java.time.Duration.ofSeconds(3));
        assertThat(engines.fleetSettings().propagationSlo()).isEqualTo(java.time.Duration.ofSeconds(1));
        assertThat(engines.lookbackDuration()).isEqualTo(java.time.Duration.ofHours(1));
        assertInvalid(AUTH + pemBlock() + "engines:\n  haltDecideBy: 10ms\n", "engines.haltDecideBy");
        assertInvalid(AUTH + pemBlock() + "engines:\n  propagationSlo: 1h\n", "engines.propagationSlo");
        assertInvalid(AUTH + pemBlock() + "engines:\n  maxTrackedCommands: 5\n", "engines.maxTrackedCommands");
    }

    private void assertInvalid(String yaml, String expected) {
        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining(expected);
    }

    static Path write(Path dir, String yaml) throws IOException {
        Path file = dir.resolve("config.yml");
        Files.writeString(file, yaml);
        return file;
    }
}
