package com.tradingcontrol.api.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.tradingcontrol.api.ControlPlaneConfiguration;
import com.tradingcontrol.api.support.Http;
import com.tradingcontrol.api.support.TestApps;
import com.tradingcontrol.api.support.Tokens;
import com.tradingcontrol.api.support.WsClient;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Push channels on the application's Jetty server: handshake security, tenant isolation, resume. */
@ExtendWith(DropwizardExtensionsSupport.class)
class WebSocketIT {
    static final AtomicReference<PushHub> HUB = new AtomicReference<>();
    static final Path REQUEST_LOG = requestLogFile();
    static final DropwizardAppExtension<ControlPlaneConfiguration> APP = TestApps.withRsaKey(
            (config, environment, runtime) -> HUB.set(runtime.pushHub()),
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
                .isEqualTo(400);
    }

    @Test
    void adminConnectsAndSeesEveryTenant() {
        try (WsClient admin = WsClient.connect(port, "/ws/admin", Tokens.admin())) {
            JsonNode hello = admin.next();
            assertThat(hello.path("type").asText()).isEqualTo("hello");
            assertThat(hello.path("stream").asText()).isEqualTo("admin");
            long seq = hello.path("seq").asLong();

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

            HUB.get().publish(ControlChangeMessage.forTenant("iso-b", "profile-changed", payload("b-secret")));
            HUB.get().publish(ControlChangeMessage.global("control-changed", payload("kill switch")));
            HUB.get().publish(ControlChangeMessage.forTenant("iso-a", "profile-changed", payload("a-own")));

            JsonNode global = a.next();
            JsonNode own = a.next();
            assertThat(global.path("payload").path("change").asText()).isEqualTo("kill switch");
            assertThat(global.has("tenantId")).isFalse();
            assertThat(own.path("payload").path("change").asText()).isEqualTo("a-own");
            assertThat(own.path("seq").asLong()).isEqualTo(global.path("seq").asLong() + 1);
            a.assertNoMoreMessages();

            assertThat(b.next().path("payload").path("change").asText()).isEqualTo("b-secret");
            assertThat(b.next().path("payload").path("change").asText()).isEqualTo("kill switch");
            b.assertNoMoreMessages();
        }
    }

    @Test
    void reconnectingClientResumesFromItsLastSequence() {
        String token = Tokens.customer("resume-a");
        JsonNode hello;
        long lastSeen;
        try (WsClient first = WsClient.connect(port, "/ws/trading", token)) {
            hello = first.next();
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
            second.assertNoMoreMessages();
        }
    }

    @Test
    void resumeFromTooOldASequenceOrAnotherEpochAsksForResync() {
        String token = Tokens.customer("resync-a");
        for (int i = 0; i < 7; i++) {
            HUB.get().publish(ControlChangeMessage.forTenant("resync-a", "c", payload("m" + i)));
        }

        try (WsClient tooOld = WsClient.connect(port, "/ws/trading?lastSeq=0", token)) {
            assertThat(tooOld.next().path("type").asText()).isEqualTo("hello");
            JsonNode resync = tooOld.next();
            assertThat(resync.path("type").asText()).isEqualTo("resync");
            assertThat(resync.path("seq").asLong()).isEqualTo(7);
        }
        try (WsClient otherEpoch = WsClient.connect(port, "/ws/trading?lastSeq=6&epoch=previous-run", token)) {
            assertThat(otherEpoch.next().path("type").asText()).isEqualTo("hello");
            assertThat(otherEpoch.next().path("type").asText()).isEqualTo("resync");
        }
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
            return Files.createTempDirectory("api-request-log").resolve("requests.log");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
