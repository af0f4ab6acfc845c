package com.tradingcontrol.api.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.tradingcontrol.api.ControlPlaneConfiguration;
import com.tradingcontrol.api.push.ControlStateFeed;
import com.tradingcontrol.api.push.ControlStateSnapshot;
import com.tradingcontrol.api.push.ControlStateView;
import com.tradingcontrol.api.support.Http;
import com.tradingcontrol.api.support.TestApps;
import com.tradingcontrol.api.support.Tokens;
import com.tradingcontrol.api.support.WsClient;
import com.tradingcontrol.schemas.avro.ControlMode;
import com.tradingcontrol.schemas.avro.ControlState;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Push channels on the application's Jetty server: handshake security, tenant isolation, resume, snapshots. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WebSocketIT {
    static final AtomicReference<PushHub> HUB = new AtomicReference<>();
    /** The command side's control-state feed and snapshot, without Kafka: the test hands it the records. */
    static final AtomicReference<ControlStateFeed> FEED = new AtomicReference<>();
    static final Path REQUEST_LOG = requestLogFile();
    static final DropwizardAppExtension<ControlPlaneConfiguration> APP = TestApps.withRsaKey(
            (config, environment, runtime) -> {
                HUB.set(runtime.pushHub());
                ControlStateView view = new ControlStateView(Clock.systemUTC());
                FEED.set(new ControlStateFeed(view, runtime.pushHub(), environment.getObjectMapper()));
                runtime.pushHub().snapshotsFrom(new ControlStateSnapshot(view, environment.getObjectMapper(), () -> 0));
            },
            ConfigOverride.config("server.requestLog.appenders[0].type", "file"),
            ConfigOverride.config("server.requestLog.appenders[0].currentLogFilename", REQUEST_LOG.toString()),
            ConfigOverride.config("server.requestLog.appenders[0].archive", "false"));
    static int port;

    @BeforeAll
    static void port() {
        port = APP.getLocalPort();
    }

    private static JsonNode payload(String text) {
        return JsonNodeFactory.instance.objectNode().put("change", text);
    }

    @Test
    void adminChannelRefusesAnonymousWith401BeforeUpgrade() {
        HttpResponse<?> response = WsClient.refusedHandshake(port, "/ws/admin", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"trading-control\"");
        assertThat(response.headers().firstValue("x-request-id")).isPresent();
    }

    @Test
    void adminChannelRefusesCustomerAndOperatorWith403() {
        assertThat(WsClient.refusedHandshake(port, "/ws/admin", Tokens.customer("tenant-a")).statusCode()).isEqualTo(403);
        assertThat(WsClient.refusedHandshake(port, "/ws/admin", Tokens.operator()).statusCode()).isEqualTo(403);
    }

    @Test
    void invalidTokensAreRefusedWith401OnBothChannels() {
        String expired = Tokens.rs256(Tokens.claims("a", null, "admin").expirationTime(new java.util.Date(0)));

        assertThat(WsClient.refusedHandshake(port, "/ws/admin", expired).statusCode()).isEqualTo(401);
        assertThat(WsClient.refusedHandshake(port, "/ws/trading", expired).statusCode()).isEqualTo(401);
        assertThat(WsClient.refusedHandshake(port, "/ws/trading?access_token=garbage", null).statusCode()).isEqualTo(401);
    }

    @Test
    void plainHttpGetWithValidTokenIsABadRequestProblem() {
        Http http = new Http(port);

        com.tradingcontrol.api.support.Problems.assertProblem(http.get("/ws/trading", Tokens.admin()), 400, "BAD_REQUEST");
    }

    @Test
    void malformedResumeParameterIsRefusedAtTheHandshake() {
        assertThat(WsClient.refusedHandshake(port, "/ws/trading?lastSeq=abc", Tokens.customer("tenant-a")).statusCode())
                .isEqualTo(422);
    }

    @Test
    void adminConnectsAndSeesEveryTenant() {
        try (WsClient admin = WsClient.connect(port, "/ws/admin", Tokens.admin())) {
            JsonNode hello = admin.next();
            assertThat(hello.path("type").asText()).isEqualTo("hello");
            assertThat(hello.path("stream").asText()).isEqualTo("admin");
            long seq = hello.path("seq").asLong();
            assertThat(admin.next().path("type").asText()).isEqualTo("snapshot");

            HUB.get().publish(ControlChangeMessage.forTenant("t-x", "control-changed", payload("x")));
            HUB.get().publish(ControlChangeMessage.forTenant("t-y", "control-changed", payload("y")));

            JsonNode first = admin.next();
            JsonNode second = admin.next();
            assertThat(first.path("tenantId").asText()).isEqualTo("t-x");
            assertThat(first.path("seq").asLong()).isEqualTo(seq + 1);
            assertThat(second.path("tenantId").asText()).isEqualTo("t-y");
            assertThat(second.path("seq").asLong()).isEqualTo(seq + 2);
        }
    }

    @Test
    void tradingClientGetsGlobalAndOwnTenantOnlyWithGaplessSequence() {
        try (WsClient a = WsClient.connect(port, "/ws/trading", Tokens.customer("iso-a"));
             WsClient b = WsClient.connect(port, "/ws/trading?access_token=" + Tokens.customer("iso-b"), null)) {
            assertThat(a.next().path("stream").asText()).isEqualTo("tenant:iso-a");
            assertThat(b.next().path("stream").asText()).isEqualTo("tenant:iso-b");
            assertThat(a.next().path("type").asText()).isEqualTo("snapshot");
            assertThat(b.next().path("type").asText()).isEqualTo("snapshot");

            HUB.get().publish(ControlChangeMessage.forTenant("iso-b", "profile-changed", payload("b-secret")));
            HUB.get().publish(ControlChangeMessage.global("control-changed", payload("kill switch")));
            HUB.get().publish(ControlChangeMessage.forTenant("iso-a", "profile-changed", payload("a-own")));

            JsonNode global = a.next();
            JsonNode own = a.next();
            assertThat(global.path("payload").path("change").asText()).isEqualTo("kill switch");
            assertThat(global.has("tenantId")).isFalse();
            assertThat(own.path("payload").path("change").asText()).isEqualTo("a-own");
            assertThat(own.path("seq").asLong()).isEqualTo(global.path("seq").asLong() + 1);
            assertNothingQueuedBefore(a, "iso-a");

            assertThat(b.next().path("payload").path("change").asText()).isEqualTo("b-secret");
            assertThat(b.next().path("payload").path("change").asText()).isEqualTo("kill switch");
            assertNothingQueuedBefore(b, "iso-b");
        }
    }

    @Test
    void reconnectingClientResumesFromItsLastSequence() {
        String token = Tokens.customer("resume-a");
        JsonNode hello;
        long lastSeen;
        try (WsClient first = WsClient.connect(port, "/ws/trading", token)) {
            hello = first.next();
            assertThat(first.next().path("type").asText()).isEqualTo("snapshot");
            HUB.get().publish(ControlChangeMessage.forTenant("resume-a", "c", payload("1")));
            lastSeen = first.next().path("seq").asLong();
        }
        HUB.get().publish(ControlChangeMessage.forTenant("resume-a", "c", payload("2")));
        HUB.get().publish(ControlChangeMessage.forTenant("resume-a", "c", payload("3")));

        String query = "?lastSeq=" + lastSeen + "&epoch=" + hello.path("epoch").asText();
        try (WsClient second = WsClient.connect(port, "/ws/trading" + query, token)) {
            assertThat(second.next().path("type").asText()).isEqualTo("hello");
            assertThat(second.next().path("payload").path("change").asText()).isEqualTo("2");
            assertThat(second.next().path("payload").path("change").asText()).isEqualTo("3");
            HUB.get().publish(ControlChangeMessage.forTenant("resume-a", "c", payload("4")));
            JsonNode live = second.next();
            assertThat(live.path("payload").path("change").asText()).isEqualTo("4");
            assertThat(live.path("seq").asLong()).isEqualTo(lastSeen + 3);
            assertNothingQueuedBefore(second, "resume-a");
        }
    }

    @Test
    void resumeFromTooOldASequenceOrAnotherEpochGetsASnapshotInstead() {
        String token = Tokens.customer("resync-a");
        for (int i = 0; i < 7; i++) {
            HUB.get().publish(ControlChangeMessage.forTenant("resync-a", "c", payload("m" + i)));
        }

        try (WsClient tooOld = WsClient.connect(port, "/ws/trading?lastSeq=0", token)) {
            assertThat(tooOld.next().path("type").asText()).isEqualTo("hello");
            JsonNode snapshot = tooOld.next();
            assertThat(snapshot.path("type").asText()).isEqualTo("snapshot");
            assertThat(snapshot.path("seq").asLong()).isEqualTo(7);
        }
        try (WsClient otherEpoch = WsClient.connect(port, "/ws/trading?lastSeq=6&epoch=previous-run", token)) {
            assertThat(otherEpoch.next().path("type").asText()).isEqualTo("hello");
            assertThat(otherEpoch.next().path("type").asText()).isEqualTo("snapshot");
        }
    }

    @Test
    void aNewClientGetsASnapshotOfWhatItMaySeeAfterMoreChangesThanTheBufferHolds() {
        // test-config.yml keeps 5 messages per stream; these are 12 changes.
        FEED.get().onRecord("global", state("global", ControlMode.ACTIVE, 1));
        for (int version = 1; version <= 5; version++) {
            FEED.get().onRecord("tenant:snap-a", state("tenant:snap-a", version % 2 == 1 ? ControlMode.PAUSED : ControlMode.ACTIVE, version));
            FEED.get().onRecord("tenant:snap-b", state("tenant:snap-b", ControlMode.PAUSED, version));
        }
        FEED.get().onRecord("strategy:snap-b-profile", state("strategy:snap-b-profile", ControlMode.PAUSED, 1));

        try (WsClient customer = WsClient.connect(port, "/ws/trading", Tokens.customer("snap-a"));
             WsClient admin = WsClient.connect(port, "/ws/admin", Tokens.admin())) {
            JsonNode hello = customer.next();
            JsonNode snapshot = customer.next();
            assertThat(snapshot.path("type").asText()).isEqualTo("snapshot");
            assertThat(snapshot.path("seq").asLong()).isEqualTo(hello.path("seq").asLong());
            Map<String, JsonNode> seen = byScope(snapshot);
            assertThat(seen).containsKeys("global", "tenant:snap-a")
                    .doesNotContainKeys("tenant:snap-b", "strategy:snap-b-profile");
            assertThat(seen.get("tenant:snap-a").path("version").asLong()).isEqualTo(5);
            assertThat(seen.get("tenant:snap-a").path("mode").asText()).isEqualTo("PAUSED");
            assertThat(snapshot.toString()).doesNotContain("snap-b");

            admin.next();
            assertThat(byScope(admin.next())).containsKeys("global", "tenant:snap-a", "tenant:snap-b",
                    "strategy:snap-b-profile");

            FEED.get().onRecord("tenant:snap-a", state("tenant:snap-a", ControlMode.ACTIVE, 6));
            JsonNode delta = customer.next();
            assertThat(delta.path("type").asText()).isEqualTo("control-state");
            assertThat(delta.path("seq").asLong()).isEqualTo(snapshot.path("seq").asLong() + 1);
            assertThat(delta.path("payload").path("version").asLong()).isEqualTo(6);
        }
    }

    @Test
    void staffChannelRefusesCustomersWith403AndAnonymousWith401() {
        assertThat(WsClient.refusedHandshake(port, "/ws/staff", Tokens.customer("tenant-a")).statusCode()).isEqualTo(403);
        assertThat(WsClient.refusedHandshake(port, "/ws/staff", null).statusCode()).isEqualTo(401);
    }

    @Test
    void operatorsAndAuditorsGetEveryScopeInForceLiveOnTheStaffChannelAndNothingAdminOnly() {
        FEED.get().onRecord("tenant:staff-a", state("tenant:staff-a", ControlMode.PAUSED, 1));
        String auditor = Tokens.rs256(Tokens.claims("audit-1", null, "auditor"));
        try (WsClient operator = WsClient.connect(port, "/ws/staff", Tokens.operator());
             WsClient audit = WsClient.connect(port, "/ws/staff?access_token=" + auditor, null)) {
            JsonNode hello = operator.next();
            assertThat(hello.path("stream").asText()).isEqualTo("staff");
            JsonNode snapshot = operator.next();
            assertThat(byScope(snapshot)).containsKey("tenant:staff-a");
            assertThat(byScope(snapshot).get("tenant:staff-a").path("reason").asText()).isEqualTo("r1");
            audit.next();
            assertThat(byScope(audit.next())).containsKey("tenant:staff-a");

            HUB.get().publishToAdmins(ControlChangeMessage.global("engine-status", payload("admins only")));
            FEED.get().onRecord("tenant:staff-b", state("tenant:staff-b", ControlMode.PAUSED, 1));
            FEED.get().onRecord("strategy:legacy-profile", state("strategy:legacy-profile", ControlMode.PAUSED, 1));

            for (WsClient client : new WsClient[] {operator, audit}) {
                JsonNode tenant = client.next();
                assertThat(tenant.path("type").asText()).isEqualTo("control-state");
                assertThat(tenant.path("payload").path("scope").asText()).isEqualTo("tenant:staff-b");
                assertThat(tenant.path("seq").asLong()).isEqualTo(snapshot.path("seq").asLong() + 1);
                assertThat(client.next().path("payload").path("scope").asText()).isEqualTo("strategy:legacy-profile");
            }
        }
    }

    private static Map<String, JsonNode> byScope(JsonNode snapshot) {
        Map<String, JsonNode> states = new HashMap<>();
        snapshot.path("states").forEach(state -> states.put(state.path("scope").asText(), state));
        return states;
    }

    private static ControlState state(String scope, ControlMode mode, long version) {
        return ControlState.newBuilder().setScope(scope).setMode(mode).setReason("r" + version).setSetBy("op-1")
                .setSetAt(Instant.now()).setVersion(version).setLastEventId(scope + ":" + version).build();
    }

    @Test
    void accessTokenIsNotWrittenToTheRequestLog() throws Exception {
        String token = Tokens.customer("log-a");
        try (WsClient client = WsClient.connect(port, "/ws/trading?access_token=" + token, null)) {
            client.next();
        }
        WsClient.refusedHandshake(port, "/ws/admin?access_token=" + token, null);

        String log = awaitLogLines(2);
        assertThat(log).contains("/ws/trading").contains("/ws/admin").doesNotContain(token).doesNotContain("access_token");
    }

    /**
     * Barrier instead of "nothing arrives for a while": the hub appends to each stream in publish order
     * under one lock, so a marker published now that arrives next proves nothing else was on its way.
     */
    private static void assertNothingQueuedBefore(WsClient client, String tenant) {
        String marker = "barrier-" + UUID.randomUUID();
        HUB.get().publish(ControlChangeMessage.forTenant(tenant, "barrier", payload(marker)));
        assertThat(client.next().path("payload").path("change").asText()).as("the next message is the barrier")
                .isEqualTo(marker);
    }

    private static String awaitLogLines(int atLeast) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        String log = "";
        while (System.currentTimeMillis() < deadline) {
            log = Files.exists(REQUEST_LOG) ? Files.readString(REQUEST_LOG) : "";
            if (log.contains("/ws/trading") && log.contains("/ws/admin") && log.lines().count() >= atLeast) {
                return log;
            }
            Thread.sleep(100);
        }
        return log;
    }

    private static Path requestLogFile() {
        try {
            Path dir = Files.createTempDirectory("api-request-log");
            dir.toFile().deleteOnExit(); // registered first, deleted last: after the log file
            Path log = dir.resolve("requests.log");
            log.toFile().deleteOnExit();
            return log;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
