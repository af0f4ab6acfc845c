package com.tradingcontrol.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradingcontrol.client.ControlClient;
import com.tradingcontrol.client.ControlClientConfig;
import com.tradingcontrol.client.ControlClientListener;
import com.tradingcontrol.client.Decision;
import com.tradingcontrol.client.DecisionCause;
import com.tradingcontrol.domain.ControlMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
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
 * The fast halt path end to end (issue 13's acceptance), on the launcher's platform and a real control
 * client with an engine id: with the processors stopped a halt still reaches the client, which halts at
 * once (a pending cause), while a resume reaches it only once the restarted processors commit it; and a
 * halt the processors reject is retracted, visibly to the client's listener, in the engine status and in
 * the command's propagation; and an engine process killed with {@code kill -9} is flagged stale within the
 * heartbeat timeout and listed as having missed the next halt, which the live engine applied.
 */
@Timeout(value = 300)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FastHaltIT {
    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final Duration RESTART_WITHIN = Duration.ofSeconds(120);
    private static final String ENGINE = "fast-halt-it";

    @TempDir
    static Path dataDir;
    private LocalPlatform platform;
    private PlatformApi api;
    private ControlClient client;
    private final List<String> retractions = new CopyOnWriteArrayList<>();

    @BeforeAll
    void startPlatformAndEngine() throws Exception {
        platform = new LocalPlatform(dataDir, 0, 0, null).start();
        assertThat(platform.awaitReady(Duration.ofSeconds(180), down -> { })).as("platform ready").isTrue();
        api = new PlatformApi(LocalLauncher.writeLocalJson(platform));
        client = ControlClient.start(ControlClientConfig.fromLocalJson(dataDir.resolve("local.json"))
                .engineId(ENGINE).build());
        client.addListener(new ControlClientListener() {
            @Override
            public void onHaltRetracted(String commandId, String scope, String why) {
                retractions.add(commandId + " " + scope + " " + why);
            }
        });
        assertThat(client.awaitReady(WITHIN)).as("client caught up").isTrue();
    }

    @AfterAll
    void stop() {
        try (LocalPlatform p = platform) {
            if (client != null) {
                client.close();
            }
        }
    }

    @Test
    @Order(1)
    void withTheProcessorsStoppedAHaltReachesTheClientButAResumeOnlyOnceCommitted() throws Exception {
        platform.stopProcessors();
        String pause = api.submit("/api/trading-control/pause", Map.of("scope", "global", "reason", "processors down"),
                "operator", false, 202).path("commandId").asText();

        Decision halted = await(() -> client.decide(null, null, null), d -> cause(d, pause) != null, "the pending halt");
        assertThat(halted.mode()).isEqualTo(ControlMode.PAUSED);
        assertThat(halted.mayOpen()).isFalse();
        assertThat(cause(halted, pause).pending()).as("applied before the processors decided it").isTrue();
        assertThat(cause(halted, pause).kind()).isEqualTo(DecisionCause.Kind.PAUSE);

        platform.restartProcessors(RESTART_WITHIN);
        await(() -> client.decide(null, null, null), d -> cause(d, pause) != null && !cause(d, pause).pending(),
                "the pause confirmed by the committed state");

        platform.stopProcessors();
        api.submit("/api/trading-control/resume", Map.of("scope", "global", "reason", "all clear"), "operator", false, 202);
        // A halt accepted after the resume: once its signal is in force, the resume had every chance to arrive.
        String witness = api.submit("/api/trading-control/pause", Map.of("scope", "symbol:WITNESS", "reason", "after"),
                "operator", false, 202).path("commandId").asText();
        await(() -> client.decide(null, null, "WITNESS"), d -> cause(d, witness) != null, "the later halt's signal");
        Decision meanwhile = client.decide(null, null, null);
        assertThat(meanwhile.mode()).as("the uncommitted resume loosens nothing").isEqualTo(ControlMode.PAUSED);
        assertThat(cause(meanwhile, pause)).isNotNull();

        platform.restartProcessors(RESTART_WITHIN);
        await(() -> client.decide(null, null, null), d -> d.mode() == ControlMode.ACTIVE, "the committed resume");
    }

    @Test
    @Order(2)
    void aHaltTheProcessorsRejectIsRetractedForTheListenerTheEngineStatusAndThePropagation() throws Exception {
        String scope = "tenant:tenant-r";
        api.submit("/api/trading-control/reduce-only", Map.of("scope", scope, "reason", "long",
                "expiresAt", "2099-01-01T00:00:00Z"), "operator", true, 200);
        // A shorter reduce-only passes the API, so it is signalled, but the processors reject it.
        String rejected = api.submit("/api/trading-control/reduce-only", Map.of("scope", scope, "reason", "shorter",
                "expiresAt", "2098-01-01T00:00:00Z"), "operator", true, 409).path("commandId").asText();

        Deadline.await("the listener hears the retraction", WITHIN,
                () -> retractions.stream().anyMatch(r -> r.startsWith(rejected + " " + scope + " rejected")));
        assertThat(cause(client.decide("tenant-r", null, null), rejected)).as("the signal no longer counts").isNull();

        // The engine reports the signal it applied and then its retraction, each asynchronously: the status
        // shows the signal first, and must come to show the retraction as the last thing the engine applied.
        JsonNode engine = await(() -> PlatformApi.row(get("/api/engines"), "engines", "engineId", ENGINE),
                e -> e.path("lastApplied").path("commandId").asText().equals(rejected)
                        && e.path("lastApplied").path("source").asText().equals("RETRACTION"), "the engine status");
        assertThat(engine.path("status").asText()).isEqualTo("ALIVE");

        JsonNode propagation = await(() -> get("/api/commands/" + rejected + "/propagation"),
                p -> PlatformApi.row(p, "engines", "engineId", ENGINE).path("status").asText().equals("RETRACTED"),
                "the retraction in the propagation");
        assertThat(propagation.path("decision").asText()).isEqualTo("REJECTED");
        JsonNode row = PlatformApi.row(propagation, "engines", "engineId", ENGINE);
        assertThat(row.path("signalAppliedAt").isTextual()).as("it halted").isTrue();
        assertThat(row.path("retractedAt").isTextual()).as("and when it stopped").isTrue();
    }

    @Test
    @Order(3)
    void aKilledEngineIsFlaggedStaleAndMissesTheNextHaltWhichTheLiveOneApplies() throws Exception {
        String killed = "killed-engine";
        try (EngineProcess engine = EngineProcess.start(dataDir.resolve("local.json"), killed,
                dataDir.resolve("killed-engine.log"), Duration.ofSeconds(90))) {
            await(() -> PlatformApi.row(get("/api/engines"), "engines", "engineId", killed),
                    e -> e.path("status").asText().equals("ALIVE"), "the child engine's heartbeats");
            engine.kill();
        }
        long killedAt = System.nanoTime();
        JsonNode listing = get("/api/engines");
        // Its last heartbeat may be up to one interval old when it dies, and the fold checks about every 100 ms.
        Duration staleWithin = Duration.ofMillis(listing.path("heartbeatTimeoutMillis").asLong()).plusSeconds(2);
        await(() -> get("/api/engines"), l -> PlatformApi.row(l, "engines", "engineId", killed).path("status").asText()
                .equals("STALE") && containsText(l.path("stale"), killed), "the killed engine flagged stale");
        assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).as("flagged within the heartbeat timeout")
                .isLessThanOrEqualTo(staleWithin);
        await(this::ready, r -> r.path("checks").path("engines").toString().contains("stale: " + killed),
                "the readiness detail naming it");

        String halt = api.submit("/api/trading-control/pause", Map.of("scope", "symbol:AFTER-KILL", "reason", "next"),
                "operator", true, 200).path("commandId").asText();
        JsonNode propagation = await(() -> get("/api/commands/" + halt + "/propagation"),
                p -> PlatformApi.row(p, "engines", "engineId", killed).path("status").asText().equals("MISSED")
                        && PlatformApi.row(p, "engines", "engineId", ENGINE).path("status").asText().equals("APPLIED"),
                "the propagation: the killed engine missed it, the live one applied it");
        assertThat(containsText(propagation.path("missed"), killed)).isTrue();
        assertThat(containsText(propagation.path("missed"), ENGINE)).isFalse();
    }

    private static boolean containsText(JsonNode array, String text) {
        for (JsonNode item : array) {
            if (item.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode ready() {
        try {
            return api.ready();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private JsonNode get(String path) {
        try {
            return api.get(path);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static DecisionCause cause(Decision decision, String commandId) {
        return decision.causes().stream().filter(c -> commandId.equals(c.commandId())).findFirst().orElse(null);
    }

    private static <T> T await(Supplier<T> read, Predicate<T> condition, String what) throws Exception {
        AtomicReference<T> last = new AtomicReference<>();
        try {
            Deadline.await(what, WITHIN, () -> {
                last.set(read.get());
                return condition.test(last.get());
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last seen: " + last.get(), e);
        }
        return last.get();
    }
}
