package com.tradingcontrol.schemas.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HealthServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void answersEachCheckWithItsStatusAndDetail() throws Exception {
        AtomicReference<HealthServer.Check> ready = new AtomicReference<>(HealthServer.Check.down("REBALANCING"));
        try (HealthServer server = HealthServer.start(0, () -> HealthServer.Check.up("alive"), ready::get)) {
            HttpResponse<String> live = get(server, "/health/live");
            HttpResponse<String> notReady = get(server, "/health/ready");
            ready.set(HealthServer.Check.up("RUNNING, lag 0"));
            HttpResponse<String> nowReady = get(server, "/health/ready");

            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.body()).isEqualTo("{\"status\": \"UP\", \"detail\": \"alive\"}\n");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.body()).contains("\"status\": \"DOWN\"", "REBALANCING");
            assertThat(nowReady.statusCode()).isEqualTo(200);
            assertThat(nowReady.headers().firstValue("Content-Type")).hasValue("application/json");
        }
    }

    @Test
    void aCheckThatThrowsReadsAsDown() throws Exception {
        try (HealthServer server = HealthServer.start(0, () -> {
            throw new IllegalStateException("broker \"unreachable\"");
        }, () -> HealthServer.Check.up("ok"))) {
            HttpResponse<String> live = get(server, "/health/live");

            assertThat(live.statusCode()).isEqualTo(503);
            assertThat(live.body()).contains("broker \\\"unreachable\\\"");
        }
    }

    private HttpResponse<String> get(HealthServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
