package com.tradingcontrol.api.engines;

import static com.tradingcontrol.api.support.Problems.assertProblem;
import static com.tradingcontrol.api.support.Problems.assertUnauthorized;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradingcontrol.api.ControlPlaneConfiguration;
import com.tradingcontrol.api.commands.TopicReader;
import com.tradingcontrol.api.support.Http;
import com.tradingcontrol.api.support.TestApps;
import com.tradingcontrol.api.support.Tokens;
import com.tradingcontrol.api.support.WsClient;
import com.tradingcontrol.api.wiring.ApiWiring;
import com.tradingcontrol.kafka.embedded.EmbeddedKafkaBroker;
import com.tradingcontrol.local.ItPlatform;
import com.tradingcontrol.projections.store.sqlite.SqliteProjectionStore;
import com.tradingcontrol.schemas.avro.AppliedSource;
import com.tradingcontrol.schemas.avro.HaltKind;
import com.tradingcontrol.schemas.avro.HaltSignal;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.topics.Topics;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fast halt path and engine propagation against a real broker, the real processors and the real app;
 * engine reports are written to trading.engine-reports with the project's serdes, as a control client does.
 */
@Timeout(120)
class EnginesIT {
    private static final EmbeddedKafkaBroker BROKER = EmbeddedKafkaBroker.startTemporary();
    private static final InProcessSchemaRegistry REGISTRY = InProcessSchemaRegistry.inMemory();
    private static final Topics TOPICS = new Topics(REGISTRY, 3);
    private static final StoredPropagationEvidence EVIDENCE = new StoredPropagationEvidence(
            SqliteProjectionStore.inMemory(), "it-");
    private static final ApiWiring WIRING = new ApiWiring(REGISTRY, Clock.systemUTC(), List.of())
            .keepingPropagationIn(EVIDENCE);

    @RegisterExtension @Order(1)
    static final AfterAllCallback CLOSE_BROKER = context -> BROKER.close();

    @RegisterExtension @Order(2)
    static final DropwizardAppExtension<ControlPlaneConfiguration> APP = TestApps.withRsaKey(WIRING::register,
            ItPlatform.apiOverrides(BROKER.bootstrapServers(), 3,
                    ConfigOverride.config("engines.haltDecideBy", "1500ms"),
                    ConfigOverride.config("engines.heartbeatTimeout", "1s"),
                    ConfigOverride.config("engines.propagationSlo", "2s")));

    private static ItPlatform processors;
    private static Http http;
    private static EngineFeed engines;

    @BeforeAll
    static void start() throws Exception {
        processors = ItPlatform.processors(BROKER.bootstrapServers(), REGISTRY, "api-engines-it", Map.of());
        http = new Http(APP.getLocalPort());
        engines = new EngineFeed(BROKER.bootstrapServers(), TOPICS);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        engines.close();
        processors.close();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static HttpResponse<String> send(String method, String path, String token, String json, String requestId,
                                             boolean waited) {
        HttpRequest.Builder builder = http.request(path).header("x-request-id", requestId)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (waited) {
            builder.header("Prefer", "wait=5");
        }
        return http.send(builder.build());
    }

    private static String auditor() {
        return Tokens.rs256(Tokens.claims("auditor-1", null, "auditor"));
    }

    private static List<HaltSignal> signalsFor(Set<String> requestIds) {
        return TopicReader.readAll(BROKER.bootstrapServers(), TOPICS.haltSignals()).stream()
                .filter(signal -> requestIds.contains(signal.getRequestId())).toList();
    }

    @Test
    void restrictingCommandsAreSignalledAndNothingThatLoosensOrIsRefusedIs() {
        String tenant = "tenant:" + unique("t");
        String scope = "{\"scope\":\"" + tenant + "\",\"reason\":\"r\"}";
        // Loosening, and refused by the API (401, 403, 422): none of these may reach the halt topic.
        List<String> silent = List.of(
                status(send("POST", "/api/trading-control/resume", Tokens.operator(), scope, "q-resume", false), 202),
                status(send("POST", "/api/trading-control/reduce-only/lift", Tokens.operator(), scope, "q-lift", false), 202),
                status(send("DELETE", "/api/kill-switch?reason=over", Tokens.admin(), null, "q-release", false), 202),
                status(send("PUT", "/api/maintenance", Tokens.admin(), "{\"on\":false,\"reason\":\"r\"}", "q-mnt-off", false), 202),
                status(send("POST", "/api/kill-switch", Tokens.customer("c1"), "{\"reason\":\"x\"}", "q-403", false), 403),
                status(send("PUT", "/api/maintenance", Tokens.operator(), "{\"on\":true,\"reason\":\"x\"}", "q-403b", false), 403),
                status(send("POST", "/api/trading-control/pause", Tokens.operator(), "{\"scope\":\"" + tenant + "\"}", "q-422", false), 422),
                status(send("POST", "/api/trading-control/pause", null, scope, "q-401", false), 401));

        HttpResponse<String> pause = send("POST", "/api/trading-control/pause", Tokens.operator(),
                "{\"scope\":\"" + tenant + "\",\"reason\":\"risk\",\"expiresAt\":\"2099-01-01T00:00:00Z\"}", "q-pause", false);
        send("POST", "/api/trading-control/reduce-only", Tokens.operator(), scope, "q-ro", false);
        send("PUT", "/api/maintenance", Tokens.admin(), "{\"on\":true,\"message\":\"m\",\"reason\":\"r\"}", "q-mnt-on", false);
        send("POST", "/api/kill-switch", Tokens.operator(), "{\"reason\":\"drill\"}", "q-kill", false);
        Set<String> restricting = Set.of("q-pause", "q-ro", "q-mnt-on", "q-kill");

        // One partition and one sender thread: once the four are there, anything sent before them would be too.
        await(() -> signalsFor(restricting).size() == 4, "the four restricting commands signalled");
        List<HaltSignal> signals = signalsFor(Set.of("q-pause", "q-ro", "q-mnt-on", "q-kill", "q-resume", "q-lift",
                "q-release", "q-mnt-off", "q-403", "q-403b", "q-422", "q-401"));
        assertThat(silent).hasSize(8);
        assertThat(signals).extracting(HaltSignal::getRequestId).containsExactlyInAnyOrder(restricting.toArray(String[]::new));
        HaltSignal paused = signals.stream().filter(s -> s.getRequestId().equals("q-pause")).findFirst().orElseThrow();
        assertThat(paused.getKind()).isEqualTo(HaltKind.PAUSE);
        assertThat(paused.getScope()).isEqualTo(tenant);
        assertThat(paused.getActor()).isEqualTo("op-1");
        assertThat(paused.getReason()).isEqualTo("risk");
        assertThat(paused.getExpiresAt()).isEqualTo(Instant.parse("2099-01-01T00:00:00Z"));
        assertThat(paused.getCommandId()).isEqualTo(Http.json(pause).path("commandId").asText());
        assertThat(Duration.between(paused.getIssuedAt(), paused.getDecideBy())).isEqualTo(Duration.ofMillis(1500));
        assertThat(signals).filteredOn(s -> s.getRequestId().equals("q-kill"))
                .singleElement().satisfies(s -> {
                    assertThat(s.getKind()).isEqualTo(HaltKind.KILL_SWITCH);
                    assertThat(s.getScope()).isEqualTo("global");
                });
        assertThat(signals).filteredOn(s -> s.getRequestId().equals("q-ro")).singleElement()
                .extracting(HaltSignal::getKind).isEqualTo(HaltKind.REDUCE_ONLY);
        assertThat(signals).filteredOn(s -> s.getRequestId().equals("q-mnt-on")).singleElement()
                .extracting(HaltSignal::getKind).isEqualTo(HaltKind.MAINTENANCE);
    }

    private static String status(HttpResponse<String> response, int expected) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        return response.body();
    }

    @Test
    void propagationListsWhoAppliedAndWhoMissedAndStatusFlagsTheSilentEngine() {
        String tenant = "tenant:" + unique("t");
        String applies = unique("engine-a");
        String silent = unique("engine-b");
        try (WsClient ws = WsClient.connect(APP.getLocalPort(), "/ws/admin", Tokens.admin())) {
            engines.heartbeat(applies);
            engines.heartbeat(silent);
            await(() -> Http.json(http.get("/api/engines", Tokens.operator())).path("engines").findValuesAsText("engineId")
                    .containsAll(List.of(applies, silent)), "both engines listed");

            HttpResponse<String> pause = send("POST", "/api/trading-control/pause", Tokens.operator(),
                    "{\"scope\":\"" + tenant + "\",\"reason\":\"risk\"}", unique("req"), false);
            assertThat(pause.statusCode()).as(pause.body()).isEqualTo(202);
            String commandId = Http.json(pause).path("commandId").asText();
            engines.applied(applies, commandId, tenant, AppliedSource.HALT_SIGNAL);
            engines.applied(applies, commandId, tenant, AppliedSource.STATE);

            JsonNode propagation = await(() -> {
                engines.heartbeat(applies);
                return Http.json(http.get("/api/commands/" + commandId + "/propagation", auditor()));
            }, p -> row(p, silent).path("status").asText().equals("MISSED") && p.path("decision").asText().equals("ACCEPTED"),
                    "the silent engine missed the halt");
            assertThat(propagation.path("halt").asBoolean()).isTrue();
            assertThat(propagation.path("kind").asText()).isEqualTo("PAUSE");
            assertThat(propagation.path("scope").asText()).isEqualTo(tenant);
            assertThat(row(propagation, applies).path("status").asText()).isEqualTo("APPLIED");
            assertThat(row(propagation, applies).path("signalAppliedAt").isTextual()).isTrue();
            assertThat(row(propagation, applies).path("sinceIssuedMillis").isNumber()).isTrue();
            assertThat(row(propagation, silent).path("expected").asBoolean()).isTrue();
            assertThat(propagation.path("missed").toString()).contains(silent).doesNotContain(applies);

            // Kept as evidence in the store, as the API answers it.
            JsonNode kept = await(() -> EVIDENCE.find(commandId).map(JsonNode.class::cast).orElse(Http.JSON.missingNode()),
                    doc -> row(doc, silent).path("status").asText().equals("MISSED"), "the halt's propagation stored");
            assertThat(row(kept, applies).path("status").asText()).isEqualTo("APPLIED");
            assertThat(kept.path("decision").asText()).isEqualTo("ACCEPTED");

            JsonNode listing = Http.json(http.get("/api/engines", Tokens.admin()));
            assertThat(engine(listing, silent).path("status").asText()).isEqualTo("STALE");
            assertThat(engine(listing, applies).path("host").asText()).isEqualTo("host-" + applies);
            assertThat(engine(listing, applies).path("lastApplied").path("commandId").asText()).isEqualTo(commandId);
            assertThat(listing.path("stale").toString()).contains(silent);
            assertThat(listing.path("missedHalts").path(commandId).toString()).contains(silent);

            JsonNode ready = Http.json(http.get("/health/ready", null));
            assertThat(ready.path("status").asText()).as("flags are details, not DOWN").isEqualTo("UP");
            assertThat(ready.path("checks").path("engines").path("detail").asText())
                    .contains("stale: ").contains(silent).contains(commandId + " by " + silent);

            assertThat(pushed(ws, m -> m.path("type").asText().equals("engine-status")
                    && m.path("payload").path("engineId").asText().equals(silent)
                    && m.path("payload").path("status").asText().equals("STALE"))).isTrue();
            assertThat(pushed(ws, m -> m.path("type").asText().equals("propagation")
                    && m.path("payload").path("commandId").asText().equals(commandId)
                    && row(m.path("payload"), silent).path("status").asText().equals("MISSED"))).isTrue();
        }
    }

    @Test
    void aHaltTheProcessorsRejectWasSignalledAndItsRetractionIsInThePropagationAndTheEvidence() {
        String scope = "tenant:" + unique("t");
        String engine = unique("engine-r");
        engines.heartbeat(engine);
        HttpResponse<String> first = send("POST", "/api/trading-control/reduce-only", Tokens.operator(),
                "{\"scope\":\"" + scope + "\",\"reason\":\"r\",\"expiresAt\":\"2099-01-01T00:00:00Z\"}", unique("req"), true);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);

        // A shorter reduce-only passes the API (so it is signalled) but the processors reject it.
        HttpResponse<String> shorter = send("POST", "/api/trading-control/reduce-only", Tokens.operator(),
                "{\"scope\":\"" + scope + "\",\"reason\":\"r\",\"expiresAt\":\"2098-01-01T00:00:00Z\"}", unique("req"), true);
        assertThat(shorter.statusCode()).as(shorter.body()).isEqualTo(409);
        String commandId = Http.json(shorter).path("commandId").asText();
        assertThat(TopicReader.awaitMatching(BROKER.bootstrapServers(), TOPICS.haltSignals(),
                signal -> signal.getCommandId().equals(commandId))).hasSize(1);
        engines.applied(engine, commandId, scope, AppliedSource.HALT_SIGNAL);
        engines.applied(engine, commandId, scope, AppliedSource.RETRACTION);

        JsonNode propagation = await(() -> Http.json(http.get("/api/commands/" + commandId + "/propagation", auditor())),
                p -> row(p, engine).path("status").asText().equals("RETRACTED"), "the retraction in the propagation");
        assertThat(propagation.path("decision").asText()).isEqualTo("REJECTED");
        assertThat(row(propagation, engine).path("retractedAt").isTextual()).isTrue();
        assertThat(propagation.path("missed")).isEmpty();
        JsonNode listing = Http.json(http.get("/api/engines", Tokens.operator()));
        assertThat(engine(listing, engine).path("lastApplied").path("source").asText()).isEqualTo("RETRACTION");
        await(() -> EVIDENCE.find(commandId).map(JsonNode.class::cast).orElse(Http.JSON.missingNode()),
                doc -> row(doc, engine).path("status").asText().equals("RETRACTED"), "the retraction kept as evidence");
    }

    @Test
    void aHaltOlderThanTheApisWindowIsAnsweredFromTheKeptEvidence() {
        String commandId = unique("old-halt");
        var doc = Http.JSON.createObjectNode().put("commandId", commandId).put("halt", true).put("decision", "ACCEPTED");
        doc.putArray("missed").add("engine-x");
        EVIDENCE.keep(commandId, doc);

        HttpResponse<String> response = http.get("/api/commands/" + commandId + "/propagation", auditor());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Http.json(response)).isEqualTo(doc);
    }

    /**
     * A second instance started later: the engine fold reads the outcomes of its window once (a follower that
     * then ends) and hears later ones from the command gateway's follower, so it knows both decisions.
     */
    @Test
    void anInstanceStartedLaterFoldsTheOutcomesOfItsWindowAndThenTheLiveOnes() throws Exception {
        String before = Http.json(send("POST", "/api/trading-control/pause", Tokens.operator(),
                "{\"scope\":\"tenant:" + unique("t") + "\",\"reason\":\"risk\"}", unique("req"), true))
                .path("commandId").asText();
        DropwizardAppExtension<ControlPlaneConfiguration> later = TestApps.withRsaKey(
                new ApiWiring(REGISTRY, Clock.systemUTC(), List.of())::register,
                ItPlatform.apiOverrides(BROKER.bootstrapServers(), 3));
        later.before();
        try {
            Http second = new Http(later.getLocalPort());
            String after = Http.json(send("POST", "/api/trading-control/pause", Tokens.operator(),
                    "{\"scope\":\"tenant:" + unique("t") + "\",\"reason\":\"risk\"}", unique("req"), true))
                    .path("commandId").asText();

            for (String commandId : List.of(before, after)) {
                HttpResponse<String> propagation = await(
                        () -> second.get("/api/commands/" + commandId + "/propagation", auditor()),
                        response -> response.statusCode() == 200, "the later instance knows " + commandId);
                assertThat(Http.json(propagation).path("decision").asText()).isEqualTo("ACCEPTED");
            }
            JsonNode ready = await(() -> Http.json(second.get("/health/ready", null)),
                    r -> !r.path("checks").path("engines").path("detail").asText().contains("recent history"),
                    "the window read");
            // The window's follower ended its work, which is not a stopped feed.
            assertThat(ready.path("checks").path("engines").path("detail").asText()).as(ready.toString())
                    .contains("engine(s) alive").doesNotContain("stopped");
            assertThat(ready.path("status").asText()).as(ready.toString()).isEqualTo("UP");
        } finally {
            later.after();
        }
    }

    @Test
    void aReportTheApiCannotUseIsCountedAndTheFeedGoesOn() {
        var unusable = APP.getEnvironment().metrics().counter(EnginesMonitor.UNUSABLE_METRIC);
        long before = unusable.getCount();
        String engine = unique("engine-bad");

        engines.unusable(engine);
        engines.heartbeat(engine);

        await(() -> unusable.getCount() > before
                && Http.json(http.get("/api/engines", Tokens.admin())).path("engines").findValuesAsText("engineId")
                .contains(engine), "counted, and the next report still applied");
    }

    @Test
    void enginesAndPropagationAreForStaffOnly() {
        for (String path : List.of("/api/engines", "/api/commands/" + UUID.randomUUID() + "/propagation")) {
            assertUnauthorized(http.get(path, null));
            assertProblem(http.get(path, Tokens.customer("c1")), 403, "FORBIDDEN");
        }
        for (String token : List.of(Tokens.admin(), Tokens.operator(), auditor())) {
            assertThat(http.get("/api/engines", token).statusCode()).isEqualTo(200);
            assertProblem(http.get("/api/commands/" + UUID.randomUUID() + "/propagation", token), 404, "NOT_FOUND");
        }
    }

    /** Spaces the polls of {@link #await}. */
    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonNode row(JsonNode propagation, String engineId) {
        for (JsonNode row : propagation.path("engines")) {
            if (row.path("engineId").asText().equals(engineId)) {
                return row;
            }
        }
        return Http.JSON.missingNode();
    }

    private static JsonNode engine(JsonNode listing, String engineId) {
        for (JsonNode engine : listing.path("engines")) {
            if (engine.path("engineId").asText().equals(engineId)) {
                return engine;
            }
        }
        throw new AssertionError(engineId + " not listed: " + listing);
    }

    /** Reads pushes until one matches (true) or the socket is quiet for 5 s (the WsClient fails the test). */
    private static boolean pushed(WsClient ws, Predicate<JsonNode> match) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (match.test(ws.next())) {
                return true;
            }
        }
        return false;
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) {
        await(() -> condition.getAsBoolean(), ok -> ok, what);
    }

    private static <T> T await(java.util.function.Supplier<T> probe, Predicate<T> done, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            assertThat(System.nanoTime()).as("%s within 20 s; last: %s", what, last).isLessThan(deadline);
            pause();
            last = probe.get();
        }
        return last;
    }
}
