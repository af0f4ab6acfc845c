package com.tradingcontrol.api.commands;

import static com.tradingcontrol.api.support.Problems.assertProblem;
import static com.tradingcontrol.api.support.Problems.assertUnauthorized;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradingcontrol.api.ControlPlaneConfiguration;
import com.tradingcontrol.api.push.ScopeState;
import com.tradingcontrol.api.support.Http;
import com.tradingcontrol.api.support.TestApps;
import com.tradingcontrol.api.support.Tokens;
import com.tradingcontrol.api.support.WsClient;
import com.tradingcontrol.api.reads.LogSource;
import com.tradingcontrol.api.reads.ReadsExtension;
import com.tradingcontrol.api.wiring.ApiWiring;
import com.tradingcontrol.api.wiring.ProjectionReadBarrier;
import com.tradingcontrol.projections.rebuild.ActiveProjection;
import com.tradingcontrol.projections.store.sqlite.SqliteProjectionStore;
import com.tradingcontrol.kafka.embedded.EmbeddedKafkaBroker;
import com.tradingcontrol.local.ItPlatform;
import com.tradingcontrol.schemas.avro.AuditRecord;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.topics.Topics;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * The command side against a real broker, the real processor topology (in-process) and the real app.
 * Every test uses its own scopes/tenants/profiles, so they share one broker and processor.
 */
@Timeout(120) // seconds, per test method; ~15 s observed for all 14
class CommandsIT {
    private static final EmbeddedKafkaBroker BROKER = EmbeddedKafkaBroker.startTemporary();
    private static final InProcessSchemaRegistry REGISTRY = InProcessSchemaRegistry.inMemory();
    private static final Topics TOPICS = new Topics(REGISTRY, 3);
    // The read side over a real projection fed by the real projector, so read-your-writes is checked end to end.
    private static final SqliteProjectionStore STORE = SqliteProjectionStore.inMemory();
    private static final ActiveProjection PROJECTION = new ActiveProjection(STORE, "", Duration.ofMillis(200));
    private static final ApiWiring WIRING = new ApiWiring(REGISTRY, Clock.systemUTC(),
            List.of(ProjectionReadBarrier.of(PROJECTION)));
    private static final ReadsExtension READS = new ReadsExtension(PROJECTION,
            LogSource.standard(BROKER.bootstrapServers(), REGISTRY), Clock.systemUTC());

    @RegisterExtension @Order(1)
    static final AfterAllCallback CLOSE_BROKER = context -> BROKER.close();

    @RegisterExtension @Order(2)
    static final DropwizardAppExtension<ControlPlaneConfiguration> APP = TestApps.withRsaKey(
            (config, environment, runtime) -> {
                WIRING.register(config, environment, runtime);
                READS.register(config, environment, runtime);
            },
            ItPlatform.apiOverrides(BROKER.bootstrapServers(), 3));

    private static ItPlatform services;
    private static CommandClient client;
    private static Http http;

    @BeforeAll
    static void startProcessors() throws Exception {
        services = ItPlatform.withProjector(BROKER.bootstrapServers(), REGISTRY, "api-commands-it", STORE);
        http = new Http(APP.getLocalPort());
        client = new CommandClient(http);
    }

    @AfterAll
    static void stopProcessors() throws InterruptedException {
        services.close();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // --- the acceptance scenario ---------------------------------------------------------------

    @Test
    void waitedPauseAnswers200ThenReadsPushAndAuditReflectIt() throws Exception {
        String tenant = unique("t");
        try (WsClient ws = WsClient.connect(APP.getLocalPort(), "/ws/trading", Tokens.customer(tenant))) {
            assertThat(ws.next().path("type").asText()).isEqualTo("hello");
            String requestId = unique("req");

            HttpResponse<String> response = client.postWaiting("/api/trading-control/pause", Tokens.operator(),
                    "{\"scope\":\"tenant:" + tenant + "\",\"reason\":\"incident 7\"}", "x-request-id", requestId);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = Http.json(response);
            assertThat(body.path("status").asText()).isEqualTo("ACCEPTED");
            assertThat(body.path("aggregateId").asText()).isEqualTo("tenant:" + tenant);
            assertThat(body.path("resultingVersion").asLong()).isEqualTo(1);
            assertThat(body.path("eventIds")).hasSize(1);
            assertThat(response.headers().firstValue("Location")).hasValue("/api/commands/" + body.path("commandId").asText());
            assertThat(response.headers().firstValue("Read-Models")).hasValue("current");
            // read-your-writes, no polling: the projection-backed read and the API's own view already show it
            JsonNode read = Http.json(http.get("/api/trading-control", Tokens.operator()));
            assertThat(read.path("scopes")).anySatisfy(scope -> {
                assertThat(scope.path("scope").asText()).isEqualTo("tenant:" + tenant);
                assertThat(scope.path("mode").asText()).isEqualTo("PAUSED");
            });
            assertThat(WIRING.controlStateView().state("tenant:" + tenant)).map(ScopeState::mode).contains("PAUSED");
            JsonNode push = until(ws, m -> m.path("type").asText().equals("control-state"));
            assertThat(push.path("tenantId").asText()).isEqualTo(tenant);
            assertThat(push.path("payload").path("mode").asText()).isEqualTo("PAUSED");
            assertThat(push.path("payload").path("reason").asText()).isEqualTo("incident 7");

            List<AuditRecord> audit = TopicReader.awaitMatching(BROKER.bootstrapServers(), TOPICS.audit(),
                    record -> requestId.equals(record.getRequestId()));
            assertThat(audit).hasSize(1);
            assertThat(audit.get(0).getCommandId()).isEqualTo(body.path("commandId").asText());
            assertThat(audit.get(0).getActor().getSubject()).isEqualTo("op-1");
        }
        // A client connecting afterwards needs no REST reload: the snapshot after hello has the state.
        try (WsClient late = WsClient.connect(APP.getLocalPort(), "/ws/trading", Tokens.customer(tenant))) {
            assertThat(late.next().path("type").asText()).isEqualTo("hello");
            JsonNode snapshot = late.next();
            assertThat(snapshot.path("type").asText()).isEqualTo("snapshot");
            assertThat(snapshot.path("states")).anySatisfy(state -> {
                assertThat(state.path("scope").asText()).isEqualTo("tenant:" + tenant);
                assertThat(state.path("mode").asText()).isEqualTo("PAUSED");
            });
        }
    }

    @Test
    void reduceOnlyIsSetAndLiftedEndToEnd() {
        String tenant = unique("t");
        String scope = "tenant:" + tenant;
        String requestId = unique("req");

        HttpResponse<String> set = client.postWaiting("/api/trading-control/reduce-only", Tokens.operator(),
                "{\"scope\":\"" + scope + "\",\"reason\":\"margin call\",\"expiresAt\":\""
                        + Instant.now().plus(Duration.ofHours(1)) + "\"}", "x-request-id", requestId);

        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(Http.json(set).path("status").asText()).isEqualTo("ACCEPTED");
        JsonNode effective = Http.json(http.get("/api/trading-control/effective?tenant=" + tenant, Tokens.operator()));
        assertThat(effective.path("mode").asText()).isEqualTo("REDUCE_ONLY");
        assertThat(effective.path("causes").get(0).path("kind").asText()).isEqualTo("REDUCE_ONLY");
        assertThat(effective.path("causes").get(0).path("reason").asText()).isEqualTo("margin call");
        assertThat(effective.path("causes").get(0).path("expiresAt").isNull()).isFalse();
        assertThat(WIRING.controlStateView().state(scope)).map(ScopeState::mode).contains("REDUCE_ONLY");
        List<AuditRecord> audit = TopicReader.awaitMatching(BROKER.bootstrapServers(), TOPICS.audit(),
                record -> requestId.equals(record.getRequestId()));
        assertThat(audit).extracting(AuditRecord::getAction).containsExactly("SetReduceOnly");

        HttpResponse<String> lift = client.postWaiting("/api/trading-control/reduce-only/lift", Tokens.operator(),
                "{\"scope\":\"" + scope + "\",\"reason\":\"margin restored\"}");
        assertThat(lift.statusCode()).as(lift.body()).isEqualTo(200);
        assertThat(Http.json(http.get("/api/trading-control/effective?tenant=" + tenant, Tokens.operator()))
                .path("mode").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void withoutWaitTheAnswerIs202AndTheOutcomeCanBePolled() throws Exception {
        HttpResponse<String> response = client.post("/api/trading-control/pause", Tokens.admin(),
                "{\"scope\":\"symbol:" + unique("S").toUpperCase() + "\",\"reason\":\"halt\",\"expiresAt\":\""
                        + Instant.now().plus(Duration.ofHours(1)) + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode body = Http.json(response);
        assertThat(body.path("status").asText()).isEqualTo("PENDING");
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/commands/" + body.path("commandId").asText());

        JsonNode outcome = pollUntilDecided(location, Tokens.operator());
        assertThat(outcome.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(outcome.path("resultingVersion").asLong()).isEqualTo(1);
    }

    @Test
    void sameIdempotencyKeyGivesTheSameOutcomeAndOneEvent() {
        String key = unique("key");
        String json = "{\"scope\":\"tenant:" + unique("t") + "\",\"reason\":\"twice\"}";

        JsonNode first = Http.json(client.postWaiting("/api/trading-control/pause", Tokens.operator(), json,
                "Idempotency-Key", key));
        HttpResponse<String> again = client.postWaiting("/api/trading-control/pause", Tokens.operator(), json,
                "Idempotency-Key", key);

        assertThat(again.statusCode()).isEqualTo(200);
        JsonNode second = Http.json(again);
        String commandId = first.path("commandId").asText();
        assertThat(second.path("commandId").asText()).isEqualTo(commandId);
        assertThat(second.path("resultingVersion")).isEqualTo(first.path("resultingVersion"));
        assertThat(second.path("eventIds")).isEqualTo(first.path("eventIds"));
        List<EventEnvelope> events = TopicReader.awaitMatching(BROKER.bootstrapServers(), TOPICS.events(),
                event -> commandId.equals(event.getCommandId()));
        assertThat(events).hasSize(1);
    }

    @Test
    void anIdempotencyKeyIsScopedToItsCaller() {
        String key = unique("shared-key");
        String tenant = unique("t");
        JsonNode operators = Http.json(client.postWaiting("/api/trading-control/pause", Tokens.operator(),
                "{\"scope\":\"tenant:" + tenant + "\",\"reason\":\"operator\"}", "Idempotency-Key", key));
        JsonNode admins = Http.json(client.postWaiting("/api/trading-control/resume", Tokens.admin(),
                "{\"scope\":\"tenant:" + tenant + "\",\"reason\":\"admin\"}", "Idempotency-Key", key));

        assertThat(admins.path("commandId").asText()).isNotEqualTo(operators.path("commandId").asText());
        assertThat(admins.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(admins.path("resultingVersion").asLong())
                .as("the admin's resume is a new command, not the operator's recorded pause")
                .isEqualTo(operators.path("resultingVersion").asLong() + 1);
    }

    @Test
    void tenantPushesNeverReachOtherTenants() throws Exception {
        String a = unique("a");
        String b = unique("b");
        String symbol = unique("X").toUpperCase();
        try (WsClient wsA = WsClient.connect(APP.getLocalPort(), "/ws/trading", Tokens.customer(a));
             WsClient wsB = WsClient.connect(APP.getLocalPort(), "/ws/trading", Tokens.customer(b))) {
            wsA.next();
            wsB.next();
            waited("/api/trading-control/pause", "{\"scope\":\"tenant:" + b + "\",\"reason\":\"b only\"}");
            waited("/api/trading-control/pause", "{\"scope\":\"symbol:" + symbol + "\",\"reason\":\"everyone\"}");

            List<JsonNode> seenByA = new ArrayList<>();
            until(wsA, m -> {
                seenByA.add(m);
                return m.path("payload").path("scope").asText().equals("symbol:" + symbol);
            });
            assertThat(seenByA).noneSatisfy(m -> assertThat(m.toString()).contains(b));
            assertThat(until(wsB, m -> m.path("payload").path("scope").asText().equals("tenant:" + b))
                    .path("tenantId").asText()).isEqualTo(b);
        }
    }

    // --- each endpoint's happy path -------------------------------------------------------------

    @Test
    void killSwitchMaintenanceAndTheSeedAlias() {
        assertThat(waited("/api/kill-switch", "{\"reason\":\"drill\"}").path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(WIRING.controlStateView().state("global")).map(ScopeState::killSwitch).contains(true);

        // Two-person rule: releasing only proposes; a second admin's approval releases.
        HttpResponse<String> release = client.send("DELETE", "/api/kill-switch?reason=drill%20over", Tokens.admin(), null,
                "Prefer", "wait=5");
        assertThat(release.statusCode()).as(release.body()).isEqualTo(200);
        assertThat(WIRING.controlStateView().state("global")).map(ScopeState::killSwitch).contains(true);
        assertThat(WIRING.controlStateView().state("global")).map(s -> s.proposal("KILL_SWITCH_RELEASE")).map(ScopeState.Proposal::proposedBy).contains("admin-1");
        HttpResponse<String> approve = client.send("POST", "/api/kill-switch/release/approve", Tokens.secondAdmin(),
                "{\"reason\":\"drill over, checked\"}", "Prefer", "wait=5");
        assertThat(approve.statusCode()).as(approve.body()).isEqualTo(200);
        assertThat(WIRING.controlStateView().state("global")).map(ScopeState::killSwitch).contains(false);

        HttpResponse<String> on = client.send("PUT", "/api/maintenance", Tokens.admin(),
                "{\"on\":true,\"message\":\"back soon\",\"reason\":\"upgrade\"}", "Prefer", "wait=5");
        assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
        assertThat(WIRING.controlStateView().state("global")).map(ScopeState::maintenanceMessage).contains("back soon");
        assertThat(client.send("PUT", "/api/maintenance", Tokens.admin(), "{\"on\":false,\"reason\":\"done\"}",
                "Prefer", "wait=5").statusCode()).isEqualTo(200);

        HttpResponse<String> alias = client.postWaiting("/internal/trading/pause", Tokens.operator(), "{\"reason\":\"seed tool\"}");
        assertThat(alias.statusCode()).as(alias.body()).isEqualTo(200);
        assertThat(Http.json(alias).path("aggregateId").asText()).isEqualTo("global");
        assertThat(waited("/api/trading-control/resume", "{\"scope\":\"global\",\"reason\":\"seed tool done\"}")
                .path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(WIRING.controlStateView().state("global")).map(ScopeState::mode).contains("ACTIVE");
    }

    @Test
    void releasingTheKillSwitchTakesTwoAdminsAndEveryStepIsAudited() {
        String run = unique("two");
        assertThat(waited("/api/kill-switch", "{\"reason\":\"two-person drill\"}").path("status").asText())
                .isEqualTo("ACCEPTED");
        assertProblem(step("/api/kill-switch/release", Tokens.operator(), "{\"reason\":\"x\"}", run + "-0"),
                403, "FORBIDDEN");

        HttpResponse<String> proposed = step("/api/kill-switch/release", Tokens.admin(),
                "{\"reason\":\"venue back\"}", run + "-1");
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(200);
        assertThat(Http.json(proposed).path("message").asText()).contains("different admin");
        JsonNode global = Http.json(http.get("/api/trading-control", Tokens.operator())).path("global");
        assertThat(global.path("mode").asText()).isEqualTo("HALTED");
        assertThat(global.path("releaseProposal").asBoolean()).isTrue();
        assertThat(global.path("releaseProposedBy").asText()).isEqualTo("admin-1");
        assertThat(Instant.parse(global.path("releaseProposalExpiresAt").asText())).isAfter(Instant.now());

        assertProblem(step("/api/kill-switch/release/approve", Tokens.admin(), "{\"reason\":\"me\"}", run + "-2"),
                403, "SECOND_ADMIN_REQUIRED");
        assertThat(step("/api/kill-switch/release/reject", Tokens.secondAdmin(), "{\"reason\":\"not yet\"}",
                run + "-3").statusCode()).isEqualTo(200);
        assertThat(WIRING.controlStateView().state("global")).map(ScopeState::killSwitch).contains(true);
        assertThat(WIRING.controlStateView().state("global")).map(s -> s.proposal("KILL_SWITCH_RELEASE")).map(ScopeState.Proposal::proposedBy).isEmpty();

        assertThat(step("/api/kill-switch/release", Tokens.admin(), "{\"reason\":\"now\",\"expiresAt\":\""
                + Instant.now().plusSeconds(300) + "\"}", run + "-4").statusCode()).isEqualTo(200);
        HttpResponse<String> approved = step("/api/kill-switch/release/approve", Tokens.secondAdmin(),
                "{\"reason\":\"checked\"}", run + "-5");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(WIRING.controlStateView().state("global")).map(ScopeState::killSwitch).contains(false);

        List<AuditRecord> audit = TopicReader.awaitMatching(BROKER.bootstrapServers(), TOPICS.audit(),
                record -> record.getRequestId().startsWith(run + "-"));
        assertThat(audit).extracting(AuditRecord::getAction).containsExactly("ReleaseKillSwitch",
                "ApproveKillSwitchRelease", "RejectKillSwitchRelease", "ReleaseKillSwitch", "ApproveKillSwitchRelease");
        assertThat(audit).extracting(r -> r.getActor().getSubject())
                .containsExactly("admin-1", "admin-1", "admin-2", "admin-1", "admin-2");
        assertThat(audit.get(1).getCode()).isEqualTo("SECOND_ADMIN_REQUIRED");
    }

    @Test
    void aGlobalResumeUnderItsOptionalRuleTakesTwoAdminsAndEveryStepIsAudited() {
        String run = unique("resume");
        String rule = "/api/config/control.twoPerson.globalResume";
        assertProblem(client.send("PUT", rule, Tokens.operator(), "{\"value\":true,\"reason\":\"x\"}", "Prefer", "wait=5"),
                403, "FORBIDDEN");
        assertThat(client.send("PUT", rule, Tokens.admin(), "{\"value\":true,\"reason\":\"drill\"}", "Prefer",
                "wait=5").statusCode()).isEqualTo(200);
        try {
            assertThat(waited("/api/trading-control/pause", "{\"scope\":\"global\",\"reason\":\"resume drill\"}")
                    .path("status").asText()).isEqualTo("ACCEPTED");
            Instant ttl = Instant.now().plusSeconds(300).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            HttpResponse<String> proposed = step("/api/trading-control/resume", Tokens.operator(),
                    "{\"scope\":\"global\",\"reason\":\"venue back\",\"proposalExpiresAt\":\"" + ttl + "\"}",
                    run + "-1");
            assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(200);
            assertThat(Http.json(proposed).path("message").asText()).contains("different admin");
            assertThat(WIRING.controlStateView().state("global")).map(ScopeState::mode).contains("PAUSED");
            assertThat(WIRING.controlStateView().state("global")).map(s -> s.proposal("GLOBAL_RESUME"))
                    .map(ScopeState.Proposal::proposedBy).contains("op-1");
            assertThat(WIRING.controlStateView().state("global")).map(s -> s.proposal("GLOBAL_RESUME"))
                    .map(ScopeState.Proposal::expiresAt).contains(ttl);

            assertProblem(step("/api/two-person/global-resume/approve", null, "{\"reason\":\"x\"}", run + "-x"),
                    401, "UNAUTHORIZED");
            assertProblem(step("/api/two-person/global-resume/approve", Tokens.operator(), "{\"reason\":\"x\"}",
                    run + "-2"), 403, "FORBIDDEN");
            assertProblem(step("/api/two-person/no-such-action/approve", Tokens.admin(), "{\"reason\":\"x\"}",
                    run + "-y"), 422, "VALIDATION_FAILED");
            HttpResponse<String> approved = step("/api/two-person/global-resume/approve", Tokens.admin(),
                    "{\"reason\":\"checked\"}", run + "-3");
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
            assertThat(WIRING.controlStateView().state("global")).map(ScopeState::mode).contains("ACTIVE");

            List<AuditRecord> audit = TopicReader.awaitMatching(BROKER.bootstrapServers(), TOPICS.audit(),
                    record -> record.getRequestId().startsWith(run + "-"));
            assertThat(audit).extracting(AuditRecord::getAction).containsExactly("ResumeTrading", "ApproveTwoPersonProposal");
            assertThat(audit).extracting(r -> r.getActor().getSubject()).containsExactly("op-1", "admin-1");
        } finally {
            client.send("PUT", rule, Tokens.admin(), "{\"value\":false,\"reason\":\"drill over\"}", "Prefer", "wait=5");
        }
    }

    @Test
    void maintenanceOffUnderItsOptionalRuleTakesTwoAdminsAndEveryStepIsAudited() {
        String run = unique("maint");
        String rule = "/api/config/control.twoPerson.maintenanceOff";
        assertThat(client.send("PUT", rule, Tokens.admin(), "{\"value\":true,\"reason\":\"drill\"}", "Prefer",
                "wait=5").statusCode()).isEqualTo(200);
        try {
            assertThat(client.send("PUT", "/api/maintenance", Tokens.admin(),
                    "{\"on\":true,\"message\":\"upgrade\",\"reason\":\"maintenance drill\"}", "Prefer", "wait=5")
                    .statusCode()).isEqualTo(200);
            // The proposal's time-to-live: optional, in the future, at most an hour ahead (else 422 naming the field).
            assertThat(assertProblem(client.send("PUT", "/api/maintenance", Tokens.admin(),
                    "{\"on\":false,\"reason\":\"x\",\"proposalExpiresAt\":\"soon\"}"), 422, "VALIDATION_FAILED")
                    .path("detail").asText()).contains("proposalExpiresAt");
            assertThat(assertProblem(client.send("PUT", "/api/maintenance", Tokens.admin(),
                    "{\"on\":false,\"reason\":\"x\",\"proposalExpiresAt\":\"" + Instant.now().plusSeconds(7200) + "\"}",
                    "Prefer", "wait=5", "x-request-id", run + "-0"), 422, "VALIDATION_FAILED")
                    .path("detail").asText()).contains("proposalExpiresAt").contains("at most 60 minutes");
            Instant ttl = Instant.now().plusSeconds(1200).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            HttpResponse<String> proposed = client.send("PUT", "/api/maintenance", Tokens.admin(),
                    "{\"on\":false,\"reason\":\"upgrade done\",\"proposalExpiresAt\":\"" + ttl + "\"}",
                    "Prefer", "wait=5", "x-request-id", run + "-1");
            assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(200);
            assertThat(Http.json(proposed).path("message").asText()).contains("different admin");
            assertThat(WIRING.controlStateView().state("global")).map(s -> s.proposal("MAINTENANCE_OFF"))
                    .map(ScopeState.Proposal::expiresAt).contains(ttl);
            assertThat(WIRING.controlStateView().state("global")).map(ScopeState::maintenance).contains(true);
            assertThat(Http.json(http.get("/api/trading-control", Tokens.operator())).path("global")
                    .path("maintenance").asBoolean()).isTrue();
            assertThat(WIRING.controlStateView().state("global")).map(s -> s.proposal("MAINTENANCE_OFF"))
                    .map(ScopeState.Proposal::proposedBy).contains("admin-1");

            assertProblem(step("/api/two-person/maintenance-off/approve", Tokens.admin(), "{\"reason\":\"me\"}",
                    run + "-2"), 403, "SECOND_ADMIN_REQUIRED");
            assertThat(WIRING.controlStateView().state("global")).map(ScopeState::maintenance).contains(true);
            HttpResponse<String> approved = step("/api/two-person/maintenance-off/approve", Tokens.secondAdmin(),
                    "{\"reason\":\"checked\"}", run + "-3");
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
            assertThat(WIRING.controlStateView().state("global")).map(ScopeState::maintenance).contains(false);
            assertThat(WIRING.controlStateView().state("global")).map(s -> s.proposal("MAINTENANCE_OFF")).isEmpty();

            List<AuditRecord> audit = TopicReader.awaitMatching(BROKER.bootstrapServers(), TOPICS.audit(),
                    record -> record.getRequestId().startsWith(run + "-"));
            assertThat(audit).extracting(AuditRecord::getAction).containsExactly("SetMaintenanceMode",
                    "SetMaintenanceMode", "ApproveTwoPersonProposal", "ApproveTwoPersonProposal");
            assertThat(audit).extracting(r -> r.getActor().getSubject())
                    .containsExactly("admin-1", "admin-1", "admin-1", "admin-2");
            assertThat(audit).extracting(AuditRecord::getCode)
                    .containsExactly("VALIDATION_FAILED", null, "SECOND_ADMIN_REQUIRED", null);
        } finally {
            client.send("PUT", rule, Tokens.admin(), "{\"value\":false,\"reason\":\"drill over\"}", "Prefer", "wait=5");
            client.send("PUT", "/api/maintenance", Tokens.admin(), "{\"on\":false,\"reason\":\"drill over\"}",
                    "Prefer", "wait=5");
        }
    }

    private static HttpResponse<String> step(String path, String token, String json, String requestId) {
        return client.send("POST", path, token, json, "Prefer", "wait=5", "x-request-id", requestId);
    }

    @Test
    void configUpdateHonoursIfMatch() {
        String key = "/api/config/risk.maxOpenOrders";
        HttpResponse<String> first = client.send("PUT", key, Tokens.admin(), "{\"value\":50,\"reason\":\"calm\"}",
                "Prefer", "wait=5");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        long version = Http.json(first).path("resultingVersion").asLong();

        HttpResponse<String> stale = client.send("PUT", key, Tokens.admin(), "{\"value\":60,\"reason\":\"stale\"}",
                "Prefer", "wait=5", "If-Match", "\"" + (version - 1) + "\"");
        JsonNode conflict = assertProblem(stale, 409, "VERSION_CONFLICT");
        assertThat(conflict.path("commandId").asText()).isNotBlank();

        HttpResponse<String> current = client.send("PUT", key, Tokens.admin(), "{\"value\":70,\"reason\":\"fresh\"}",
                "Prefer", "wait=5", "If-Match", "\"" + version + "\"");
        assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
        assertThat(Http.json(current).path("resultingVersion").asLong()).isEqualTo(version + 1);
        HttpResponse<String> read = http.get(key, Tokens.admin());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(Http.json(read).path("value").asLong()).as("read-your-writes through the projection").isEqualTo(70);
    }

    @Test
    void configRejectionsFromTheProcessors() {
        assertProblem(client.send("PUT", "/api/config/no.such.key", Tokens.admin(), "{\"value\":true,\"reason\":\"x\"}",
                "Prefer", "wait=5"), 422, "UNKNOWN_CONFIG_KEY");
        assertProblem(client.send("PUT", "/api/config/risk.maxOpenOrders", Tokens.admin(),
                "{\"value\":\"many\",\"reason\":\"x\"}", "Prefer", "wait=5"), 422, "VALIDATION_FAILED");
        assertProblem(client.send("PUT", "/api/config/risk.maxOpenOrders", Tokens.operator(),
                "{\"value\":5,\"reason\":\"x\"}", "Prefer", "wait=5"), 403, "FORBIDDEN");
        assertProblem(client.send("PUT", "/api/config/risk.maxOpenOrders", Tokens.admin(),
                "{\"value\":{\"n\":5},\"reason\":\"x\"}"), 422, "VALIDATION_FAILED");
        assertProblem(client.send("PUT", "/api/config/risk.maxOpenOrders", Tokens.admin(),
                "{\"value\":5,\"reason\":\"x\"}", "If-Match", "yesterday"), 422, "VALIDATION_FAILED");
    }

    @Test
    void customersManageTheirOwnProfilesOnly() {
        String tenant = unique("c");
        String mine = Tokens.customer(tenant);
        HttpResponse<String> created = client.postWaiting("/api/profiles", mine, "{\"profileId\":\"p1\",\"name\":\"Momentum\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(Http.json(created).path("aggregateId").asText()).isEqualTo("profile:" + tenant + ":p1");

        assertProblem(client.postWaiting("/api/profiles", mine, "{\"profileId\":\"p1\",\"name\":\"again\"}"),
                409, "ALREADY_EXISTS");
        assertThat(client.postWaiting("/api/profiles/p1/enable", mine, "{\"reason\":\"go\"}").statusCode()).isEqualTo(200);
        assertThat(client.postWaiting("/api/profiles/p1/disable", mine, "{\"reason\":\"stop\"}").statusCode()).isEqualTo(200);
        assertProblem(client.postWaiting("/api/profiles/p1/disable", mine, null), 422, "VALIDATION_FAILED");
        assertProblem(client.postWaiting("/api/profiles/nope/enable", mine, "{\"reason\":\"go\"}"), 404, "NOT_FOUND");

        // another tenant's profile: the same answer whether or not it exists
        String other = Tokens.customer(unique("d"));
        JsonNode existing = assertProblem(client.postWaiting("/api/profiles/p1/enable", other,
                "{\"tenantId\":\"" + tenant + "\"}"), 403, "TENANT_MISMATCH");
        JsonNode missing = assertProblem(client.postWaiting("/api/profiles/zz/enable", other,
                "{\"tenantId\":\"" + tenant + "\"}"), 403, "TENANT_MISMATCH");
        assertThat(existing.path("detail")).isEqualTo(missing.path("detail"));

        HttpResponse<String> staff = client.postWaiting("/api/profiles/p1/disable", Tokens.operator(),
                "{\"tenantId\":\"" + tenant + "\",\"reason\":\"risk\"}");
        assertThat(staff.statusCode()).as(staff.body()).isEqualTo(200);
        assertProblem(client.postWaiting("/api/profiles/p1/disable", Tokens.operator(), "{\"reason\":\"r\"}"),
                422, "VALIDATION_FAILED");
    }

    @Test
    void commandStatusIsVisibleToItsTenantAndStaffOnly() {
        String tenant = unique("s");
        HttpResponse<String> created = client.postWaiting("/api/profiles", Tokens.customer(tenant),
                "{\"profileId\":\"p9\",\"name\":\"n\"}");
        String location = created.headers().firstValue("Location").orElseThrow();

        assertThat(Http.json(http.get(location, Tokens.customer(tenant))).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(Http.json(http.get(location, Tokens.admin())).path("status").asText()).isEqualTo("ACCEPTED");
        assertProblem(http.get(location, Tokens.customer(unique("other"))), 404, "NOT_FOUND");
        assertProblem(http.get("/api/commands/" + unique("never"), Tokens.admin()), 404, "NOT_FOUND");
        assertUnauthorized(http.get(location, null));
    }

    // --- early validation, authentication and roles ------------------------------------------------

    @Test
    void malformedAndInvalidRequestsAreRefusedBeforeKafka() {
        String pause = "/api/trading-control/pause";
        assertProblem(client.post(pause, Tokens.operator(), "{\"scope\":\"global\",\"reason\":\"  \"}"), 422, "VALIDATION_FAILED");
        assertProblem(client.post(pause, Tokens.operator(), "{\"scope\":\"planet:mars\",\"reason\":\"x\"}"), 422, "VALIDATION_FAILED");
        JsonNode badTime = assertProblem(client.post(pause, Tokens.operator(),
                "{\"scope\":\"global\",\"reason\":\"x\",\"expiresAt\":\"tomorrow\"}"), 422, "VALIDATION_FAILED");
        assertThat(badTime.path("detail").asText()).contains("expiresAt");
        assertProblem(client.post(pause, Tokens.operator(),
                "{\"scope\":\"global\",\"reason\":\"x\",\"expiresAt\":\"2001-01-01T00:00:00Z\"}"), 422, "VALIDATION_FAILED");
        assertProblem(client.post(pause, Tokens.operator(), "{\"scope\":\"global\",\"reason\":\"x\",\"colour\":1}"), 400, "UNKNOWN_FIELD");
        assertProblem(client.post(pause, Tokens.operator(), "{\"scope\":"), 400, "MALFORMED_JSON");
        String reduceOnly = "/api/trading-control/reduce-only";
        assertProblem(client.post(reduceOnly, Tokens.operator(), "{\"scope\":\"global\"}"), 422, "VALIDATION_FAILED");
        assertProblem(client.post(reduceOnly, Tokens.operator(),
                "{\"scope\":\"global\",\"reason\":\"x\",\"expiresAt\":\"2001-01-01T00:00:00Z\"}"), 422, "VALIDATION_FAILED");
        assertProblem(client.post(reduceOnly + "/lift", Tokens.operator(), "{\"scope\":\"planet:mars\",\"reason\":\"x\"}"),
                422, "VALIDATION_FAILED");
        assertProblem(client.post(pause, Tokens.operator(), "{\"scope\":\"global\",\"reason\":\"x\"}",
                "Idempotency-Key", "has spaces in it"), 422, "VALIDATION_FAILED");
        assertProblem(client.send("PUT", "/api/maintenance", Tokens.admin(), "{\"reason\":\"x\"}"), 422, "VALIDATION_FAILED");
    }

    @Test
    void rolesAreCheckedPerEndpoint() {
        assertUnauthorized(client.post("/api/trading-control/pause", null, "{\"scope\":\"global\",\"reason\":\"x\"}"));
        assertProblem(client.post("/api/trading-control/pause", Tokens.customer("c1"),
                "{\"scope\":\"tenant:c1\",\"reason\":\"x\"}"), 403, "FORBIDDEN");
        assertProblem(client.post("/api/kill-switch", Tokens.customer("c1"), "{\"reason\":\"x\"}"), 403, "FORBIDDEN");
        assertUnauthorized(client.post("/api/trading-control/reduce-only", null, "{\"scope\":\"global\",\"reason\":\"x\"}"));
        assertProblem(client.post("/api/trading-control/reduce-only", Tokens.customer("c1"),
                "{\"scope\":\"tenant:c1\",\"reason\":\"x\"}"), 403, "FORBIDDEN");
        assertProblem(client.post("/api/trading-control/reduce-only/lift", Tokens.customer("c1"),
                "{\"scope\":\"tenant:c1\",\"reason\":\"x\"}"), 403, "FORBIDDEN");
        assertUnauthorized(client.post("/api/trading-control/reduce-only/lift", null, "{\"scope\":\"global\",\"reason\":\"x\"}"));
        assertProblem(client.send("DELETE", "/api/kill-switch", Tokens.operator(), "{\"reason\":\"x\"}"), 403, "FORBIDDEN");
        assertProblem(client.send("PUT", "/api/maintenance", Tokens.operator(), "{\"on\":true,\"reason\":\"x\"}"), 403, "FORBIDDEN");
        assertProblem(client.post("/internal/trading/pause", Tokens.customer("c1"), "{\"reason\":\"x\"}"), 403, "FORBIDDEN");
        String auditor = Tokens.rs256(Tokens.claims("aud-1", null, "auditor"));
        assertProblem(client.post("/api/profiles", auditor, "{\"profileId\":\"p\",\"name\":\"n\",\"tenantId\":\"t\"}"),
                403, "FORBIDDEN");
    }

    @Test
    void readinessReportsKafkaAndProcessorsUp() {
        HttpResponse<String> ready = http.get("/health/ready", null);
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        JsonNode checks = Http.json(ready).path("checks");
        assertThat(checks.path("kafka").path("status").asText()).isEqualTo("UP");
        assertThat(checks.path("processors").path("status").asText()).isEqualTo("UP");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static JsonNode waited(String path, String json) {
        HttpResponse<String> response = client.postWaiting(path, Tokens.admin(), json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    private static JsonNode pollUntilDecided(String location, String token) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode body;
        do {
            HttpResponse<String> response = http.get(location, token);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            body = Http.json(response);
            if (!body.path("status").asText().equals("PENDING")) {
                return body;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("still pending: " + body);
    }

    /** Reads messages until one matches (each within 5s). */
    private static JsonNode until(WsClient ws, Predicate<JsonNode> match) {
        for (int i = 0; i < 50; i++) {
            JsonNode message = ws.next();
            if (match.test(message)) {
                return message;
            }
        }
        throw new AssertionError("no matching websocket message");
    }
}
