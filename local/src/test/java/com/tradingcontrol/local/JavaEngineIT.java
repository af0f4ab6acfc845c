package com.tradingcontrol.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.engine.ExampleEngine;
import com.example.engine.OrderGate;
import com.example.engine.OrderGate.Intent;
import com.example.engine.OrderGate.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.client.Decision;
import com.tradingcontrol.client.DecisionCause;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/java-engine} on the control client, given only the launcher's {@code local.json}:
 * its decisions equal the API's {@code /effective} for every query, tenant B's strategy pause touches
 * only B (A's same-named profile trades and never sees B's reason), a disabled profile may only
 * reduce, reduce-only lets positions close and none open, a config limit comes through OpenFeature,
 * and the kill switch reaches the engine's listener and halts every order.
 */
@Timeout(value = 300)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JavaEngineIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration AGREE_WITHIN = Duration.ofSeconds(30);
    private static final String B_REASON = PlatformApi.B_REASON;
    private static final List<String> QUERIES = List.of(",,", "tenant-a,,", ",,aapl", "tenant-a,pa1,AAPL",
            "tenant-a,pb1,", "tenant-b,pb1,", "tenant-b,pb1,msft", "tenant-a,pa2,", "tenant-a,nobody,");

    @TempDir
    static Path dataDir;
    private LocalPlatform platform;
    private PlatformApi api;
    private ExampleEngine engine;

    @BeforeAll
    void startPlatformIssueCommandsAndStartTheEngine() throws Exception {
        platform = new LocalPlatform(dataDir, 0, 0, null).start();
        assertThat(platform.awaitReady(Duration.ofSeconds(180), down -> { })).as("platform ready").isTrue();
        api = new PlatformApi(LocalLauncher.writeLocalJson(platform));
        api.issueEngineScenario();
        engine = ExampleEngine.start(dataDir.resolve("local.json"), "java-engine-it", Duration.ofSeconds(60));
    }

    @AfterAll
    void stop() throws Exception {
        try (LocalPlatform p = platform) {
            if (engine != null) {
                engine.close();
            }
        }
    }

    @Test
    @Order(1)
    void decisionsEqualTheApis() throws Exception {
        for (String query : QUERIES) {
            agreed(query);
        }
    }

    @Test
    @Order(2)
    void tenantBsStrategyPauseTouchesOnlyB() throws Exception {
        Verdict b = await("tenant-b,pb1,", Intent.OPEN, v -> !v.allowed());
        assertThat(b.decision().causes().get(0).reason()).isEqualTo(B_REASON);
        Verdict a = engine.gate().check("tenant-a", "pb1", null, Intent.OPEN);
        assertThat(a.allowed()).as(a.why()).isTrue();
        assertThat(a.decision().causes()).extracting(DecisionCause::reason).doesNotContain(B_REASON);
        assertThat(a.decision().causes()).extracting(DecisionCause::scope).doesNotContain("strategy:tenant-b:pb1");
    }

    @Test
    @Order(3)
    void aDisabledProfileAndAReduceOnlySymbolMayCloseButNotOpen() {
        Verdict open = engine.gate().check("tenant-a", "pa2", null, Intent.OPEN);
        assertThat(open.allowed()).isFalse();
        assertThat(open.decision().causes().get(0).kind()).isEqualTo(DecisionCause.Kind.PROFILE_DISABLED);
        assertThat(engine.gate().check("tenant-a", "pa2", null, Intent.REDUCE).allowed()).isTrue();

        Verdict aapl = engine.gate().check("tenant-a", "pa1", "aapl", Intent.OPEN);
        assertThat(aapl.allowed()).isFalse();
        assertThat(aapl.decision().mode().name()).isEqualTo("REDUCE_ONLY");
        assertThat(aapl.why()).contains("symbol:AAPL").contains("AAPL earnings");
        assertThat(engine.gate().check("tenant-a", "pa1", "AAPL", Intent.REDUCE).allowed()).isTrue();
        assertThat(engine.gate().check("tenant-a", "pa1", "MSFT", Intent.OPEN).allowed()).isTrue();
    }

    @Test
    @Order(4)
    void aConfigLimitComesThroughOpenFeature() throws Exception {
        assertThat(engine.maxOpenOrders()).as("catalogue default").isEqualTo(500);
        api.send("PUT", "/api/config/risk.maxOpenOrders", Map.of("value", 42, "reason", "java engine test"), "admin");
        Deadline.await("the engine reads the new limit", AGREE_WITHIN, () -> engine.maxOpenOrders() == 42);
    }

    @Test
    @Order(5)
    void theKillSwitchReachesTheListenerAndHaltsEveryOrder() throws Exception {
        AtomicInteger rechecks = new AtomicInteger();
        try (AutoCloseable listening = engine.onChanges(rechecks::incrementAndGet, () -> { })) {
            api.send("POST", "/api/kill-switch", Map.of("reason", "java engine test"), "admin");
            Deadline.await("the listener hears the change", AGREE_WITHIN, () -> rechecks.get() > 0);
        }
        for (String query : QUERIES) {
            JsonNode answer = agreed(query);
            if (!answer.has("error")) {
                assertThat(answer.path("mode").asText()).as(query).isEqualTo("HALTED");
            }
        }
        assertThat(engine.gate().check("tenant-a", "pa1", "MSFT", Intent.REDUCE).allowed()).isFalse();
    }

    private Verdict await(String query, Intent intent, java.util.function.Predicate<Verdict> condition) throws Exception {
        String[] q = (query + ",,").split(",", -1);
        AtomicReference<Verdict> last = new AtomicReference<>();
        Deadline.await("the engine's verdict on " + query, AGREE_WITHIN, () -> {
            last.set(engine.gate().check(blank(q[0]), blank(q[1]), blank(q[2]), intent));
            return condition.test(last.get());
        });
        return last.get();
    }

    private JsonNode agreed(String query) throws Exception {
        return api.agreed(query, AGREE_WITHIN, this::engineAnswer);
    }

    /** The engine's decision in the shape of the API's {@code /effective} answer (normalised by {@link PlatformApi#agreed}). */
    private JsonNode engineAnswer(String query) throws Exception {
        String[] q = (query + ",,").split(",", -1);
        Decision d;
        try {
            d = engine.gate().check(blank(q[0]), blank(q[1]), blank(q[2]), Intent.OPEN).decision();
        } catch (IllegalArgumentException invalid) {
            return JSON.createObjectNode().put("error", "INVALID_QUERY");
        }
        ObjectNode out = JSON.createObjectNode().put("mode", d.mode().name())
                .put("maintenance", d.causes().stream().anyMatch(c -> c.kind() == DecisionCause.Kind.MAINTENANCE));
        ArrayNode causes = out.putArray("causes");
        for (DecisionCause c : d.causes()) {
            causes.addObject().put("scope", c.scope()).put("kind", c.kind().name()).put("mode", c.mode().name())
                    .put("setBy", c.setBy()).put("reason", c.reason()).put("message", c.message())
                    .put("setAt", iso(c.setAt())).put("expiresAt", iso(c.expiresAt()));
        }
        return out;
    }

    private static String iso(Instant at) {
        return at == null ? null : at.toString();
    }

    private static String blank(String part) {
        return part.isEmpty() ? null : part;
    }
}
