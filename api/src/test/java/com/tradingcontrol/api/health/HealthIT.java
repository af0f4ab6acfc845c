package com.tradingcontrol.api.health;

import static com.tradingcontrol.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradingcontrol.api.ControlPlaneConfiguration;
import com.tradingcontrol.api.support.Http;
import com.tradingcontrol.api.support.TestApps;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Liveness and readiness on the application port, with checks registered through an ApiExtension. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Timeout(60) // seconds, per test method; ~2.5 s observed for all
class HealthIT {
    static final AtomicReference<ReadinessStatus> KAFKA = new AtomicReference<>(ReadinessStatus.up());
    static final AtomicReference<Boolean> STORE_HANGS = new AtomicReference<>(false);
    static final CountDownLatch NEVER = new CountDownLatch(1);

    static final DropwizardAppExtension<ControlPlaneConfiguration> APP = TestApps.withRsaKey(
            (config, environment, runtime) -> {
                runtime.readiness().register(check("kafka", () -> {
                    ReadinessStatus status = KAFKA.get();
                    if (status == null) {
                        throw new IllegalStateException("internal failure text");
                    }
                    return status;
                }));
                runtime.readiness().register(check("store", () -> {
                    if (STORE_HANGS.get()) {
                        awaitForever();
                    }
                    return ReadinessStatus.up("2 containers");
                }));
            },
            ConfigOverride.config("readinessTimeout", "300ms"));
    static Http http;

    @BeforeAll
    static void client() {
        http = new Http(APP.getLocalPort());
    }

    @AfterEach
    void reset() {
        KAFKA.set(ReadinessStatus.up());
        STORE_HANGS.set(false);
    }

    @Test
    void liveIsUpWithoutAuthentication() {
        HttpResponse<String> response = http.get("/health/live", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void readyIsUpWhenAllChecksAre() {
        HttpResponse<String> response = http.get("/health/ready", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Http.json(response);
        assertThat(body.path("status").asText()).isEqualTo("UP");
        assertThat(body.path("checks").path("kafka").path("status").asText()).isEqualTo("UP");
        assertThat(body.path("checks").path("store").path("detail").asText()).isEqualTo("2 containers");
    }

    @Test
    void readyIs503WithDetailsWhenACheckIsDown() {
        KAFKA.set(ReadinessStatus.down("no broker reachable"));

        JsonNode body = assertProblem(http.get("/health/ready", null), 503, "NOT_READY");

        assertThat(body.path("detail").asText()).contains("kafka").doesNotContain("store");
        assertThat(body.path("checks").path("kafka").path("detail").asText()).isEqualTo("no broker reachable");
        assertThat(body.path("checks").path("store").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void aHangingCheckCountsAsDownWithinTheTimeout() {
        STORE_HANGS.set(true);
        long start = System.nanoTime();

        JsonNode body = assertProblem(http.get("/health/ready", null), 503, "NOT_READY");

        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3000);
        assertThat(body.path("checks").path("store").path("detail").asText()).isEqualTo("check timed out");
    }

    @Test
    void aThrowingCheckCountsAsDownWithoutLeakingTheException() {
        KAFKA.set(null);

        JsonNode body = assertProblem(http.get("/health/ready", null), 503, "NOT_READY");

        assertThat(body.path("checks").path("kafka").path("status").asText()).isEqualTo("DOWN");
        assertThat(body.path("checks").path("kafka").path("detail").asText()).isEqualTo("check failed");
        assertThat(body.toString()).doesNotContain("internal failure text");
    }

    private static ReadinessCheck check(String name, java.util.function.Supplier<ReadinessStatus> status) {
        return ReadinessCheck.of(name, status);
    }

    private static void awaitForever() {
        try {
            NEVER.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
