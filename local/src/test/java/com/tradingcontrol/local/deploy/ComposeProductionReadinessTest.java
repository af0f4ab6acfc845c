package com.tradingcontrol.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.tradingcontrol.api.ControlPlaneApplication;
import com.tradingcontrol.api.ControlPlaneConfiguration;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.StringSubstitutor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What makes the compose stack runnable against a real identity provider and safe to operate:
 * pinned images, no secret on a command line, no admin port published, the JWT issuer, audience
 * and key source from the environment, and an image build that downloads nothing but Maven artifacts.
 * Structural only: no Docker engine is available to the build.
 */
class ComposeProductionReadinessTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** A secret-looking key followed by a value, as in -Dcosmos.key=..., --password x, TOKEN=... */
    private static final Pattern SECRET = Pattern.compile("(?i)(key|secret|password|passwd|token|credential)s?\\s*[=:\\s]\\s*\\S");
    private static JsonNode services;
    private static JsonNode apiConfig;
    private static String dockerfile;

    @BeforeAll
    static void parse() throws IOException {
        services = YAML.readTree(ROOT.resolve("docker-compose.yml").toFile()).path("services");
        apiConfig = YAML.readTree(ROOT.resolve("deploy/api.yml").toFile());
        dockerfile = Files.readString(ROOT.resolve("deploy/Dockerfile"));
    }

    @Test
    void everyImageAndBaseImageIsPinnedToAFixedTagOrDigest() {
        assertThat(ComposeChecks.isPinned("mcr.microsoft.com/cosmosdb/linux/azure-cosmos-emulator:latest")).isFalse();
        assertThat(ComposeChecks.isPinned("apicurio/apicurio-registry")).isFalse();
        assertThat(ComposeChecks.isPinned("x/y:vnext-preview")).isFalse();
        services.fields().forEachRemaining(s -> {
            if (s.getValue().has("image")) {
                assertThat(ComposeChecks.isPinned(s.getValue().path("image").asText())).as(s.getKey()).isTrue();
            }
        });
        Matcher from = Pattern.compile("(?im)^FROM\\s+(\\S+)").matcher(dockerfile);
        int bases = 0;
        for (; from.find(); bases++) {
            assertThat(ComposeChecks.isPinned(from.group(1))).as(from.group(1)).isTrue();
        }
        assertThat(bases).isGreaterThanOrEqualTo(2);
    }

    @Test
    void noSecretIsPassedOnACommandLine() {
        assertThat(SECRET.matcher("-D cosmos.key=abc").find()).as("the check catches the old projector command").isTrue();
        services.fields().forEachRemaining(s -> {
            JsonNode service = s.getValue();
            List<String> lines = new ArrayList<>(List.of(ComposeChecks.commandLine(service.path("command")),
                    ComposeChecks.commandLine(service.path("entrypoint")),
                    service.path("environment").path("JAVA_OPTS").asText("")));
            for (String line : lines) {
                assertThat(SECRET.matcher(line).find()).as(s.getKey() + " command line: " + line).isFalse();
                assertThat(line).as(s.getKey()).doesNotContain("COSMOS_KEY");
            }
        });
        Matcher entry = Pattern.compile("(?im)^(ENTRYPOINT|CMD)\\s+(.*)$").matcher(dockerfile);
        while (entry.find()) {
            assertThat(SECRET.matcher(entry.group(2)).find()).as(entry.group()).isFalse();
        }
    }

    @Test
    void theCosmosKeyReachesTheServicesByEnvironment() {
        assertThat(services.path("projector").path("environment").path("TCP_COSMOS_KEY").asText()).isNotBlank();
        assertThat(services.path("api").path("environment").path("TCP_COSMOS_KEY").asText()).isNotBlank();
    }

    @Test
    void theApiPublishesItsApplicationPortButNoAdminPort() {
        List<Integer> published = ComposeChecks.publishedContainerPorts(services.path("api"));
        assertThat(published).isNotEmpty();
        assertThat(ComposeChecks.applicationPorts(apiConfig)).containsAll(published);
        for (int admin : ComposeChecks.adminPorts(apiConfig)) {
            assertThat(published).as("admin port").doesNotContain(admin);
        }
    }

    @Test
    void issuerAudienceAndKeySourceComeFromTheEnvironmentWithoutExampleDefaults() {
        JsonNode auth = apiConfig.path("auth");
        assertThat(auth.path("issuer").asText()).isEqualTo("${TCP_AUTH_ISSUER}");
        assertThat(auth.path("audience").asText()).isEqualTo("${TCP_AUTH_AUDIENCE}");
        assertThat(auth.path("jwks").path("url").asText()).isEqualTo("${TCP_AUTH_JWKS_URL}");
        JsonNode env = services.path("api").path("environment");
        for (String name : List.of("TCP_AUTH_ISSUER", "TCP_AUTH_AUDIENCE", "TCP_AUTH_JWKS_URL")) {
            // ${NAME:?message}: compose refuses to start without it instead of using an example value.
            assertThat(env.path(name).asText()).as(name).startsWith("${" + name + ":?");
        }
        assertThat(env.path("JAVA_OPTS").asText()).doesNotContain("auth.");
    }

    @Test
    void theMountedApiConfigIsAValidConfigurationOnceTheEnvironmentIsSet() throws Exception {
        StringSubstitutor environment = new StringSubstitutor(Map.of(
                "TCP_AUTH_ISSUER", "https://idp.test/",
                "TCP_AUTH_AUDIENCE", "trading-control-plane",
                "TCP_AUTH_JWKS_URL", "https://idp.test/.well-known/jwks.json"));
        environment.setEnableUndefinedVariableException(true);
        ControlPlaneConfiguration config = new YamlConfigurationFactory<>(ControlPlaneConfiguration.class,
                Validators.newValidator(), ControlPlaneApplication.configure(Jackson.newObjectMapper()), "dw")
                .build(new SubstitutingSourceProvider(new FileConfigurationSourceProvider(), environment),
                        ROOT.resolve("deploy/api.yml").toString());
        assertThat(config.getAuth().getIssuer()).isEqualTo("https://idp.test/");
        assertThat(config.getAuth().getAudience()).isEqualTo("trading-control-plane");
        assertThat(config.getAuth().getJwks().getUrl().toString()).isEqualTo("https://idp.test/.well-known/jwks.json");
    }

    @Test
    void theImageBuildDownloadsNoApicurioTarball() {
        Matcher mvn = Pattern.compile("(?s)RUN\\s+mvn\\s(.*?)(?<!\\\\)\\n").matcher(dockerfile);
        int builds = 0;
        for (; mvn.find(); builds++) {
            String invocation = mvn.group(1);
            // The schemas module fetches the Apicurio tarball in pre-integration-test: stay before it.
            assertThat(invocation).as(invocation).doesNotContainPattern("\\b(install|verify|integration-test|deploy)\\b")
                    .contains("-DskipITs=true");
        }
        assertThat(builds).isPositive();
        assertThat(dockerfile).doesNotContainPattern("(?i)(wget|curl)\\s+\\S*https?://").doesNotContain("tar.gz");
    }
}
