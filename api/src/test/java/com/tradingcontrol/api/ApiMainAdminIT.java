package com.tradingcontrol.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradingcontrol.api.support.Http;
import com.tradingcontrol.api.support.TestApps;
import com.tradingcontrol.api.support.Tokens;
import com.tradingcontrol.kafka.embedded.EmbeddedKafkaBroker;
import com.tradingcontrol.projections.rebuild.ProjectionMeta;
import com.tradingcontrol.projections.service.ProjectorConfig;
import com.tradingcontrol.projections.store.sqlite.SqliteProjectionStore;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.api.support.SigningKeys;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The production API assembled by {@link ApiMain#extensions}: the admin routes the runbook uses
 * ({@code tcp drift-check}, rebuild) must be there, as in the launcher — they answered 404 on ApiMain.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Timeout(value = 120)
class ApiMainAdminIT {
    private static final EmbeddedKafkaBroker BROKER = EmbeddedKafkaBroker.startTemporary();
    private static final InProcessSchemaRegistry REGISTRY = InProcessSchemaRegistry.inMemory();
    private static final SqliteProjectionStore STORE = SqliteProjectionStore.inMemory();
    private static final ProjectorConfig READS = reads();

    @RegisterExtension @Order(1)
    static final AfterAllCallback CLOSE_BROKER = context -> BROKER.close();

    @RegisterExtension @Order(2)
    static final DropwizardAppExtension<ControlPlaneConfiguration> APP = TestApps.withRsaKey(
            (config, environment, runtime) -> {
                for (ApiExtension extension : ApiMain.extensions(READS, STORE, REGISTRY)) {
                    extension.register(config, environment, runtime);
                }
            },
            ConfigOverride.config("kafka.bootstrapServers", BROKER.bootstrapServers()),
            ConfigOverride.config("kafka.partitions", "3"),
            SigningKeys.apiOverrides()[0], SigningKeys.apiOverrides()[1]);

    @BeforeAll
    static void logAndPointer() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.bootstrapServers()))) {
            // The API creates the standard topics at start; create whichever it has not (yet).
            for (String topic : List.of("trading.events", "trading.audit")) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
        new ProjectionMeta(STORE, "", Clock.systemUTC()).initialize(READS.groupId());
    }

    @Test
    void driftCheckAnswersOnTheProductionAssembly() {
        HttpResponse<String> drift = new Http(APP.getLocalPort()).get("/api/admin/drift-check", Tokens.admin());

        assertThat(drift.statusCode()).as(drift.body()).isEqualTo(200);
        JsonNode body = Http.json(drift);
        assertThat(body.path("clean").asBoolean()).isTrue();
        assertThat(body.path("version").asInt()).isPositive();
    }

    @Test
    void aRebuildRunsAndReportsItsStatus() throws Exception {
        Http http = new Http(APP.getLocalPort());
        HttpResponse<String> started = http.send(http.request("/api/admin/projections/rebuild")
                .header("Authorization", "Bearer " + Tokens.admin()).POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        JsonNode status = awaitFinished(http, location);
        assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("SUCCEEDED");
        assertThat(status.path("toVersion").asInt()).isEqualTo(status.path("fromVersion").asInt() + 1);
    }

    private static JsonNode awaitFinished(Http http, String location) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonNode status = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.get(location, Tokens.admin());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            status = Http.json(response);
            if (!status.path("state").asText().equals("RUNNING")) {
                return status;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("rebuild still running after 90 s: " + status);
    }

    private static Path unusedFile() throws java.io.IOException {
        Path file = Files.createTempFile("unused", ".db");
        file.toFile().deleteOnExit();
        return file;
    }

    private static ProjectorConfig reads() {
        try {
            return ProjectorConfig.from(Map.of("kafka.bootstrapServers", BROKER.bootstrapServers(),
                    "kafka.groupId", "api-main-admin-it", "registry.url", "http://127.0.0.1:9/unused",
                    "store.type", "sqlite", "store.sqlite.file", unusedFile().toString(),
                    "rebuild.handover", "PT0.5S", "rebuild.dropGrace", "PT0.5S"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
