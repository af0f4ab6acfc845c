package com.tradingcontrol.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradingcontrol.schemas.vectors.DecisionVectors;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real engine in another ecosystem: {@code examples/node-engine} (kafkajs and the stock Confluent
 * registry client) given only the {@code local.json} the launcher writes. The platform runs in this JVM
 * as {@code bin/tcp-local} runs it; commands go through the REST API with the dev tokens; the engine's
 * answers must equal {@code GET /api/trading-control/effective} (staff view; the API shows no command
 * ids, so those are not compared) for every query, and the engine passes the decision vectors shipped
 * in the contracts. Answers are compared until they agree, with a deadline: both sides follow the log.
 */
@Timeout(value = 420)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeEngineIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration AGREE_WITHIN = Duration.ofSeconds(30);
    private static final String B_REASON = PlatformApi.B_REASON;
    /** Queries naming no profile: their answers do not depend on trading.profile-state. */
    private static final List<String> CONTROL_QUERIES = List.of(",,", "tenant-a,,", "tenant-c,,", ",,aapl",
            "tenant-c,,AAPL", "tenant-b,,MSFT", "tenant-a,nobody,", ",pa1,");
    /** Queries naming a known profile: the engine knows it only from trading.profile-state. */
    private static final List<String> PROFILE_QUERIES = List.of("tenant-a,pa1,", "tenant-a,pa1,AAPL", "tenant-a,pb1,",
            "tenant-b,pb1,", "tenant-b,pb1,aapl", "tenant-a,pa2,");

    @TempDir
    static Path dataDir;
    private LocalPlatform platform;
    private PlatformApi api;
    private NodeEngine.Served engine;

    /**
     * Each test asks for Node.js first, so that without it every test is reported skipped (or, on CI,
     * failed); the platform, the commands and the engine are set up once, by the first test.
     */
    @BeforeEach
    void nodeAndPlatform() throws Exception {
        NodeEngine.prepare();
        if (platform == null) {
            startPlatformIssueCommandsAndStartTheEngine();
        }
    }

    private void startPlatformIssueCommandsAndStartTheEngine() throws Exception {
        platform = new LocalPlatform(dataDir, 0, 0, null).start();
        assertThat(platform.awaitReady(Duration.ofSeconds(180), down -> { })).as("platform ready").isTrue();
        api = new PlatformApi(LocalLauncher.writeLocalJson(platform));
        api.issueEngineScenario();
        engine = NodeEngine.serve(dataDir.resolve("local.json"), Duration.ofSeconds(90));
    }

    @AfterAll
    void stop() throws Exception {
        if (platform == null) {
            return;
        }
        try (LocalPlatform p = platform) {
            if (engine != null) {
                engine.close();
            }
        }
    }

    @Test
    @Order(1)
    void theEnginePassesTheDecisionVectorsShippedInTheContracts() throws Exception {
        Path file = dataDir.resolve("decision-vectors.json");
        try (InputStream in = DecisionVectors.class.getResourceAsStream(DecisionVectors.RESOURCE)) {
            Files.copy(in, file);
        }
        int cases = DecisionVectors.load().cases().size();

        NodeEngine.Result result = NodeEngine.vectors(file);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        JsonNode summary = JSON.readTree(result.stdout());
        assertThat(summary.path("cases").asInt()).isEqualTo(cases);
        assertThat(summary.path("passed").asInt()).isEqualTo(cases);
    }

    @Test
    @Order(2)
    void controlDecisionsEqualTheApisAndTenantBsPauseStaysWithB() throws Exception {
        assertThat(agreed("tenant-c,,AAPL").path("mode").asText()).isEqualTo("PAUSED");
        assertThat(agreed(",,aapl").path("mode").asText()).isEqualTo("REDUCE_ONLY");
        assertThat(agreed(",pa1,").path("error").asText()).isEqualTo("INVALID_QUERY");
        for (String query : CONTROL_QUERIES) {
            agreed(query);
        }
        // Whatever the engine knows of profiles, tenant-b's strategy pause never reaches tenant-a's pb1.
        assertThat(engine.query("tenant-a,pb1,").toString()).doesNotContain(B_REASON).doesNotContain("strategy:tenant-b");
    }

    /** Needs the processors to publish trading.profile-state: without it the engine sees every profile as unknown. */
    @Test
    @Order(3)
    void profileDecisionsEqualTheApis() throws Exception {
        assertThat(agreed("tenant-a,pa1,").path("mode").asText()).isEqualTo("ACTIVE");
        assertThat(agreed("tenant-a,pb1,").path("mode").asText()).isEqualTo("ACTIVE");
        JsonNode b = agreed("tenant-b,pb1,");
        assertThat(b.path("mode").asText()).isEqualTo("PAUSED");
        assertThat(b.at("/causes/0/reason").asText()).isEqualTo(B_REASON);
        assertThat(agreed("tenant-a,pa2,").at("/causes/0/kind").asText()).isEqualTo("PROFILE_DISABLED");
        for (String query : PROFILE_QUERIES) {
            agreed(query);
        }
    }

    @Test
    @Order(4)
    void theKillSwitchHaltsEveryDecision() throws Exception {
        api.command("/api/kill-switch", Map.of("reason", "node engine test"));
        for (String query : CONTROL_QUERIES) {
            JsonNode answer = agreed(query);
            if (!answer.has("error")) {
                assertThat(answer.path("mode").asText()).as(query).isEqualTo("HALTED");
                assertThat(answer.at("/causes/0/kind").asText()).as(query).isEqualTo("KILL_SWITCH");
            }
        }
        for (String query : PROFILE_QUERIES) {
            Deadline.await("the engine halts " + query, AGREE_WITHIN,
                    () -> engine.query(query).path("mode").asText().equals("HALTED"));
        }
    }

    private JsonNode agreed(String query) throws Exception {
        return api.agreed(query, AGREE_WITHIN, engine::query);
    }

}
