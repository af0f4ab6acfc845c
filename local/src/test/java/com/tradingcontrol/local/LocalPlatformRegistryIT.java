package com.tradingcontrol.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradingcontrol.schemas.registry.RestRegistryConfig;
import com.tradingcontrol.schemas.registry.RestSchemaRegistryClient;
import com.tradingcontrol.schemas.topics.TopicNames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole platform in this JVM, as {@code bin/tcp-local} runs it: an operator's pause lands on
 * {@code trading.control-state}, and an engine that knows only the Kafka address and the served
 * registry URL decodes it, with the project's REST client and with a stock Node.js client.
 */
@Timeout(value = 360)
class LocalPlatformRegistryIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void aPauseOnTheStateTopicDecodesThroughTheServedRegistry() throws Exception {
        NodeRegistryClient.prepare();
        try (LocalPlatform platform = new LocalPlatform(dataDir, 0, 0, null).start()) {
            URI registry = platform.schemaRegistryUrl();
            assertThat(registry.getHost()).isEqualTo("127.0.0.1");
            pause(platform, "tenant:tenant-a", "registry check");

            byte[] value = stateRecord(platform.kafkaBootstrap(), "tenant:tenant-a");
            int id = ByteBuffer.wrap(value, 1, 4).getInt();
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(RestRegistryConfig.of(registry.toString()));
            assertThat(client.latest(TopicNames.CONTROL_STATE + "-value").id()).isEqualTo(id);

            JsonNode decoded = JSON.readTree(NodeRegistryClient.decode(registry.toString(), value));
            assertThat(decoded.get("id").asInt()).isEqualTo(id);
            assertThat(decoded.at("/record/scope").asText()).isEqualTo("tenant:tenant-a");
            assertThat(decoded.at("/record/mode").asText()).isEqualTo("PAUSED");
            assertThat(decoded.at("/record/reason").asText()).isEqualTo("registry check");
            assertThat(decoded.at("/record/controls/0/kind").asText()).isEqualTo("PAUSE");
            assertThat(decoded.at("/record/controls/0/setBy").asText()).isEqualTo("dev-operator");
        }
    }

    private static void pause(LocalPlatform platform, String scope, String reason) throws Exception {
        String token = DevTokens.loadOrCreate(platform.dataDir()).issueAll(Instant.now()).get("operator");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.apiPort()
                        + "/api/trading-control/pause"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Prefer", "wait=30")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("scope", scope, "reason", reason))))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** The committed value of {@code key} on the state topic, read as an engine would (read_committed). */
    private static byte[] stateRecord(String bootstrap, String key) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "registry-it-" + System.nanoTime());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TopicNames.CONTROL_STATE));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key()) && r.value() != null) {
                        return r.value();
                    }
                }
            }
        }
        throw new AssertionError("no record for " + key + " on " + TopicNames.CONTROL_STATE + " within 60 s");
    }
}
