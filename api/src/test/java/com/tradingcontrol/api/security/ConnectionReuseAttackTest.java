package com.tradingcontrol.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.api.support.Http;
import com.tradingcontrol.api.support.Tokens;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Requests refused before their body is looked at (401, 403) must leave the connection usable for the
 * next one. The body is read in full first: before, an answer that raced a body still arriving made
 * Jetty close the connection after it, and the JDK's HttpClient (the CLI's, the tests') failed its next
 * request on that connection with "header parser received no bytes" — CommandsIT, twice in CI.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Timeout(120)
class ConnectionReuseAttackTest {
    private static final AttackApp ATTACK = new AttackApp();
    static final DropwizardAppExtension<?> APP = ATTACK.app;
    private static Http http;

    @BeforeAll
    static void client() {
        http = new Http(APP.getLocalPort());
    }

    @Test
    void manyRefusedRequestsWithBodiesInARowAllGetTheirAnswer() {
        String body = "{\"scope\":\"tenant:c1\",\"reason\":\"" + "x".repeat(700) + "\"}";
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String token = i % 2 == 0 ? null : Tokens.customer("c1");
            HttpRequest.Builder request = http.request("/api/trading-control/pause")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            try {
                HttpResponse<String> response = http.send(request.build());
                assertThat(response.statusCode()).isEqualTo(token == null ? 401 : 403);
            } catch (IllegalStateException e) {
                failures.add(i + ": " + e.getMessage());
            }
        }
        assertThat(failures).as("requests that found their connection closed").isEmpty();
    }
}
