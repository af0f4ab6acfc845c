package com.tradingcontrol.processors.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.kafka.embedded.EmbeddedKafkaBroker;
import com.tradingcontrol.schemas.health.HealthServer;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A processor running as its own process reports its real state on its health port: not ready while
 * it has no running tasks, ready when RUNNING, and neither live nor ready once it stopped.
 */
@Timeout(value = 120)
class ProcessorHealthIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthFollowsTheStreamsState(@TempDir Path work) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary();
             InProcessSchemaRegistry registry = InProcessSchemaRegistry.inMemory()) {
            ProcessorService service = ProcessorService.start(ProcessorConfig.fromProperties(Map.of(
                    ProcessorConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                    ProcessorConfig.APPLICATION_ID, "health-it",
                    TestKeys.property(), TestKeys.keyFile(),
                    ProcessorConfig.STATE_DIR, work.toString())), registry);
            try (HealthServer health = ProcessorMain.startHealth(0, service)) {
                assertThat(await(health, "/health/ready", status -> status == 200)).isEqualTo(200);
                assertThat(get(health, "/health/live").statusCode()).isEqualTo(200);
                assertThat(get(health, "/health/ready").body()).contains("kafka streams RUNNING");

                service.close(Duration.ofSeconds(20));

                assertThat(get(health, "/health/live").statusCode()).isEqualTo(503);
                HttpResponse<String> ready = get(health, "/health/ready");
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(ready.body()).contains("NOT_RUNNING");
            }
        }
    }

    private int await(HealthServer health, String path, IntPredicate wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status = get(health, path).statusCode();
        while (!wanted.test(status) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = get(health, path).statusCode();
        }
        return status;
    }

    private HttpResponse<String> get(HealthServer health, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + health.port() + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
