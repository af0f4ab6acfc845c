package com.tradingcontrol.api.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.api.ControlPlaneConfiguration;
import com.tradingcontrol.api.support.TestApps;
import com.tradingcontrol.api.support.Tokens;
import com.tradingcontrol.api.support.WsClient;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sockets do not outlive their tokens, and one principal cannot open unlimited sockets. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class WebSocketLimitsIT {
    private static final int CAP = 3;
    static final DropwizardAppExtension<ControlPlaneConfiguration> APP = TestApps.withRsaKey(null,
            ConfigOverride.config("websocket.maxConnectionsPerPrincipal", String.valueOf(CAP)),
            // Without tolerance the socket must close exactly when the token expires (exp + skew).
            ConfigOverride.config("auth.clockSkew", "0s"));

    private static String shortLived(String subject, String tenant, String role, Instant expiresAt) {
        return Tokens.rs256(Tokens.claims(subject, tenant, role).expirationTime(Date.from(expiresAt)));
    }

    @Test
    void socketsAreClosedWith1008WhenTheirTokenExpiresOnBothChannels() throws Exception {
        Instant expiresAt = Instant.now().plusSeconds(3);
        String customerToken = shortLived("short-customer", "short-t", "customer", expiresAt);
        String adminToken = shortLived("short-admin", null, "admin", expiresAt);
        // exp is whole seconds in the token: the close may come up to a second before expiresAt.
        Instant exp = Instant.ofEpochSecond(expiresAt.getEpochSecond());
        try (WsClient trading = WsClient.connect(APP.getLocalPort(), "/ws/trading", customerToken);
             WsClient admin = WsClient.connect(APP.getLocalPort(), "/ws/admin", adminToken)) {
            assertThat(trading.next().path("type").asText()).isEqualTo("hello");
            assertThat(admin.next().path("type").asText()).isEqualTo("hello");

            assertThat(trading.closedByServer().get(15, TimeUnit.SECONDS)).isEqualTo(1008);
            assertThat(Instant.now()).as("not before the token expired").isAfterOrEqualTo(exp);
            assertThat(admin.closedByServer().get(15, TimeUnit.SECONDS)).isEqualTo(1008);
        }
    }

    @Test
    void theCapPlusOnethSocketOfOnePrincipalIsRefusedWith429AndClosingOneFreesASlot() throws Exception {
        String token = Tokens.customer("cap-a");
        List<WsClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < CAP; i++) {
                WsClient client = WsClient.connect(APP.getLocalPort(), i % 2 == 0 ? "/ws/trading" : "/ws/trading?lastSeq=0", token);
                assertThat(client.next().path("type").asText()).isEqualTo("hello");
                open.add(client);
            }

            HttpResponse<?> refused = WsClient.refusedHandshake(APP.getLocalPort(), "/ws/trading", token);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.headers().firstValue("x-request-id")).isPresent();

            try (WsClient other = WsClient.connect(APP.getLocalPort(), "/ws/trading", Tokens.customer("cap-b"))) {
                assertThat(other.next().path("type").asText()).as("another principal is not affected").isEqualTo("hello");
            }

            open.remove(0).close();
            WsClient again = connectWithin(Duration.ofSeconds(10), token);
            open.add(again);
            assertThat(again.next().path("type").asText()).isEqualTo("hello");
        } finally {
            open.forEach(WsClient::close);
        }
    }

    /** The server frees the slot when it processes the close, a moment after the client sent it. */
    private static WsClient connectWithin(Duration timeout, String token) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return WsClient.connect(APP.getLocalPort(), "/ws/trading", token);
            } catch (CompletionException e) {
                assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
                assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode()).isEqualTo(429);
                assertThat(System.nanoTime()).as("a slot is freed within " + timeout).isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }
}
