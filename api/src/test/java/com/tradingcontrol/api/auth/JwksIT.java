package com.tradingcontrol.api.auth;

import static com.tradingcontrol.api.support.Problems.assertProblem;
import static com.tradingcontrol.api.support.Problems.assertUnauthorized;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import com.tradingcontrol.api.ControlPlaneConfiguration;
import com.tradingcontrol.api.support.Http;
import com.tradingcontrol.api.support.TestApps;
import com.tradingcontrol.api.support.TestKeys;
import com.tradingcontrol.api.support.Tokens;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Keys fetched from a JWKS URL served by a tiny in-test HTTP server. Ordered: the first test sees the endpoint down. */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(60) // seconds, per test method; ~6.5 s observed for all
class JwksIT {
    static final AtomicBoolean AVAILABLE = new AtomicBoolean(false);
    static final AtomicInteger FETCHES = new AtomicInteger();
    static final HttpServer JWKS = startJwksServer();
    static final DropwizardAppExtension<ControlPlaneConfiguration> APP = TestApps.app(null,
            ConfigOverride.config("auth.jwks.url", "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks.json"),
            ConfigOverride.config("auth.jwks.rateLimit", "0s"),
            ConfigOverride.config("auth.jwks.retry", "false"));

    @AfterAll
    static void stopJwks() {
        JWKS.stop(0);
    }

    @Test
    @Order(1)
    void unreachableKeysGive503NotA401() {
        Http http = new Http(APP.getLocalPort());

        assertProblem(http.get("/api/me/profile", Tokens.admin()), 503, "AUTH_UNAVAILABLE");
    }

    @Test
    @Order(2)
    void rs256AndEs256TokensAreAcceptedAndTheKeySetIsCached() {
        AVAILABLE.set(true);
        Http http = new Http(APP.getLocalPort());
        int fetchesBefore = FETCHES.get();

        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/api/me/profile", Tokens.admin()).statusCode()).isEqualTo(200);
            assertThat(http.get("/api/me/profile", Tokens.es256(TestKeys.EC, Tokens.claims("e", null, "admin"))).statusCode())
                    .isEqualTo(200);
        }

        assertThat(FETCHES.get() - fetchesBefore).isEqualTo(1);
    }

    @Test
    @Order(3)
    void tokenSignedByAKeyNotInTheSetIsRefused() {
        Http http = new Http(APP.getLocalPort());

        assertUnauthorized(http.get("/api/me/profile", Tokens.rs256(TestKeys.OTHER_RSA, Tokens.claims("m", null, "admin"))));
    }

    @Test
    @Order(4)
    void algNoneIsRefused() {
        Http http = new Http(APP.getLocalPort());

        assertUnauthorized(http.get("/api/me/profile", Tokens.unsigned(Tokens.claims("m", null, "admin"))));
    }

    private static HttpServer startJwksServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = new JWKSet(List.of(TestKeys.RSA.toPublicJWK(), TestKeys.EC.toPublicJWK()))
                    .toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks.json", exchange -> {
                FETCHES.incrementAndGet();
                int status = AVAILABLE.get() ? 200 : 500;
                byte[] payload = status == 200 ? body : "{}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, payload.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(payload);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
