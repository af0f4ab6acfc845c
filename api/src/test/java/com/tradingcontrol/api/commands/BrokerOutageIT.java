package com.tradingcontrol.api.commands;

import static com.tradingcontrol.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradingcontrol.api.ControlPlaneConfiguration;
import com.tradingcontrol.api.support.SigningKeys;
import com.tradingcontrol.api.support.Http;
import com.tradingcontrol.api.support.TestApps;
import com.tradingcontrol.api.support.Tokens;
import com.tradingcontrol.api.wiring.ApiWiring;
import com.tradingcontrol.kafka.embedded.EmbeddedKafkaBroker;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Broker down: commands answer 503 within the timeout, reads keep working; broker back: commands work. */
@Timeout(180) // seconds, per test method; ~10 s observed; retries for up to 45 s after the broker restarts
class BrokerOutageIT {
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(2);
    private static final EmbeddedKafkaBroker BROKER = EmbeddedKafkaBroker.startTemporary();

    @RegisterExtension @Order(1)
    static final AfterAllCallback CLOSE_BROKER = context -> BROKER.close();

    @RegisterExtension @Order(2)
    static final DropwizardAppExtension<ControlPlaneConfiguration> APP = TestApps.withRsaKey(
            new ApiWiring(InProcessSchemaRegistry.inMemory(), Clock.systemUTC(), List.of()),
            ConfigOverride.config("kafka.bootstrapServers", BROKER.bootstrapServers()),
            ConfigOverride.config("commands.kafkaTimeout", "2s"),
            ConfigOverride.config("commands.retryAfter", "3s"),
            ConfigOverride.config("readinessTimeout", "1s"),
            SigningKeys.apiOverrides()[0], SigningKeys.apiOverrides()[1]);

    private static final String PAUSE = "{\"scope\":\"global\",\"reason\":\"outage drill\"}";

    @Test
    void commandsAnswer503WhileTheBrokerIsDownAndWorkAgainAfterwards() throws Exception {
        Http http = new Http(APP.getLocalPort());
        CommandClient client = new CommandClient(http);
        assertThat(client.post("/api/trading-control/pause", Tokens.operator(), PAUSE).statusCode()).isEqualTo(202);

        BROKER.stop();
        Map<String, String> refusedIds = new HashMap<>();
        try {
            for (String key : List.of("outage-1", "outage-2")) {
                long started = System.nanoTime();
                HttpResponse<String> refused = client.post("/api/trading-control/pause", Tokens.operator(), PAUSE,
                        "Idempotency-Key", key, "Prefer", "wait=10");
                Duration took = Duration.ofNanos(System.nanoTime() - started);

                JsonNode problem = assertProblem(refused, 503, "KAFKA_UNAVAILABLE");
                assertThat(problem.path("commandId").asText()).isNotBlank();
                refusedIds.put(key, problem.path("commandId").asText());
                assertThat(refused.headers().firstValue("Retry-After")).hasValue("3");
                assertThat(took).as("answered within the timeout").isLessThan(KAFKA_TIMEOUT.plusMillis(1500));
            }

            assertThat(http.get("/health/live", null).statusCode()).isEqualTo(200);
            HttpResponse<String> me = http.get("/api/me/profile", Tokens.operator());
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(Http.json(me).path("subject").asText()).isEqualTo("op-1");
            JsonNode ready = assertProblem(http.get("/health/ready", null), 503, "NOT_READY");
            assertThat(ready.path("checks").path("kafka").path("status").asText()).isEqualTo("DOWN");
        } finally {
            BROKER.start();
        }

        // The retried key goes through once the broker is back (the producer reconnects by itself).
        HttpResponse<String> accepted = retryUntilNot503(client, "outage-1");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(Http.json(accepted).path("commandId").asText())
                .as("the same caller's retry with the same key is the same command").isEqualTo(refusedIds.get("outage-1"));
    }

    private static HttpResponse<String> retryUntilNot503(CommandClient client, String key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        HttpResponse<String> response;
        do {
            response = client.post("/api/trading-control/pause", Tokens.operator(), PAUSE, "Idempotency-Key", key);
            if (response.statusCode() != 503) {
                return response;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return response;
    }
}
