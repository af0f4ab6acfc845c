package com.tradingcontrol.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Structural checks of the repository's docker-compose.yml, since no Docker engine (and so no
 * {@code docker compose config}) is available to the build. It cannot check that images exist,
 * that the containers start, or that the services really reach each other.
 */
class DockerComposeFileTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern FROM = Pattern.compile("(?im)^FROM\\s+(\\S+)");
    private static final Pattern PINNED = Pattern.compile("[^:@\\s]+(:[\\w.-]+|@sha256:[0-9a-f]{64})");
    private static JsonNode services;

    @BeforeAll
    static void parse() throws IOException {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
        services = compose.path("services");
    }

    @Test
    void hasTheWholeStack() {
        assertThat(services.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("kafka", "schema-registry", "cosmos", "processor", "projector", "api");
        assertThat(services.path("kafka").path("image").asText()).matches("apache/kafka:\\d+\\.\\d+\\.\\d+");
        assertThat(services.path("kafka").path("environment").path("KAFKA_PROCESS_ROLES").asText())
                .isEqualTo("broker,controller");
        assertThat(services.path("cosmos").path("image").asText())
                .startsWith("mcr.microsoft.com/cosmosdb/linux/azure-cosmos-emulator:");
    }

    @Test
    void everyServiceHasAnImageOrABuildAndAHealthCheck() {
        services.fields().forEachRemaining(service -> {
            JsonNode s = service.getValue();
            assertThat(s.has("image") || s.has("build")).as(service.getKey() + " has image or build").isTrue();
            assertThat(s.path("healthcheck").path("test").isArray()).as(service.getKey() + " health check").isTrue();
            if (s.has("image")) {
                assertThat(s.path("image").asText()).as(service.getKey()).matches(PINNED);
            }
        });
    }

    @Test
    void dependenciesNameServicesAndWaitForHealthWhereThereIsAProbe() {
        services.fields().forEachRemaining(service -> service.getValue().path("depends_on").fields()
                .forEachRemaining(dep -> {
                    assertThat(services.has(dep.getKey())).as(service.getKey() + " -> " + dep.getKey()).isTrue();
                    assertThat(dep.getValue().path("condition").asText())
                            .isIn("service_healthy", "service_started");
                }));
        for (String app : List.of("processor", "projector", "api")) {
            assertThat(services.path(app).path("depends_on").path("kafka").path("condition").asText())
                    .isEqualTo("service_healthy");
        }
    }

    @Test
    void builtServicesUseAnExistingMultiStageDockerfileWithPinnedBases() throws IOException {
        for (String app : List.of("processor", "projector", "api")) {
            JsonNode build = services.path(app).path("build");
            Path dockerfile = ROOT.resolve(build.path("context").asText()).resolve(build.path("dockerfile").asText());
            assertThat(dockerfile).as(app).isRegularFile();
            List<String> froms = froms(Files.readString(dockerfile));
            assertThat(froms).as(app).hasSizeGreaterThanOrEqualTo(2).allMatch(image -> PINNED.matcher(image).matches());
            assertThat(froms).contains("maven:3.9.9-eclipse-temurin-17", "eclipse-temurin:17.0.13_11-jre");
            String module = build.path("args").path("MODULE").asText();
            assertThat(ROOT.resolve(module).resolve("pom.xml")).as(app + " module").isRegularFile();
            String main = build.path("args").path("MAIN_CLASS").asText();
            assertThat(ROOT.resolve(module).resolve("src/main/java").resolve(main.replace('.', '/') + ".java"))
                    .as(app + " main class").isRegularFile();
        }
    }

    @Test
    void servicesAreWiredToTheBrokerRegistryAndStoreByTheirInternalPorts() {
        String kafka = "kafka:9092";
        String registry = "http://schema-registry:8080/apis/ccompat/v7";
        JsonNode processor = services.path("processor").path("environment");
        assertThat(processor.path("TCP_KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo(kafka);
        assertThat(processor.path("TCP_REGISTRY_URL").asText()).isEqualTo(registry);
        assertThat(services.path("projector").path("command").get(0).asText()).isEqualTo("run");
        JsonNode projector = services.path("projector").path("environment");
        assertThat(projector.path("TCP_KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo(kafka);
        assertThat(projector.path("TCP_REGISTRY_URL").asText()).isEqualTo(registry);
        assertThat(projector.path("TCP_STORE_TYPE").asText()).isEqualTo("cosmos");
        assertThat(projector.path("TCP_COSMOS_ENDPOINT").asText()).isEqualTo("http://cosmos:8081/");
        JsonNode api = services.path("api").path("environment");
        assertThat(api.path("JAVA_OPTS").asText()).contains("-Ddw.schemaRegistry.url=" + registry);
        assertThat(api.path("TCP_KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo(kafka);
        assertThat(api.path("TCP_COSMOS_ENDPOINT").asText()).isEqualTo("http://cosmos:8081/");
        assertThat(services.path("api").path("ports")).as("only the API port is published, never the admin one")
                .hasSize(1);
        assertThat(services.path("api").path("ports").get(0).asText()).endsWith(":8080");
        assertThat(services.path("kafka").path("environment").path("KAFKA_ADVERTISED_LISTENERS").asText())
                .isEqualTo("PLAINTEXT://" + kafka);
    }

    @Test
    void theApiConfigMountedIntoTheContainerIsValidYamlWithoutDevKeys() throws IOException {
        JsonNode api = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("deploy/api.yml").toFile());
        assertThat(api.path("auth").has("publicKeyPem")).as("no local dev key in production config").isFalse();
        JsonNode server = api.path("server");
        assertThat(server.path("type").asText()).isEqualTo("default");
        assertThat(server.path("applicationConnectors").get(0).path("port").asInt()).isEqualTo(8080);
        assertThat(server.path("adminConnectors")).as("the admin servlet has a connector of its own").hasSize(1);
        assertThat(server.path("adminConnectors").get(0).path("bindHost").asText())
                .as("the admin servlet is reachable from inside the container only").isEqualTo("127.0.0.1");
        assertThat(ComposeChecks.applicationPorts(api)).contains(8080);
    }

    private static List<String> froms(String dockerfile) {
        List<String> images = new ArrayList<>();
        Matcher m = FROM.matcher(dockerfile);
        while (m.find()) {
            images.add(m.group(1));
        }
        return images;
    }
}
