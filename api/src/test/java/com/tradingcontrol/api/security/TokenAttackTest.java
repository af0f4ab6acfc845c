package com.tradingcontrol.api.security;

import static com.tradingcontrol.api.support.Problems.assertProblem;
import static com.tradingcontrol.api.support.Problems.assertUnauthorized;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.tradingcontrol.api.support.Http;
import com.tradingcontrol.api.support.Tokens;
import com.tradingcontrol.api.support.WsClient;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tokens in the wrong place and role claims that are not what they seem. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Timeout(60)
class TokenAttackTest {
    private static final AttackApp ATTACK = new AttackApp();
    static final DropwizardAppExtension<?> APP = ATTACK.app;
    static Http http;

    @BeforeAll
    static void client() {
        http = new Http(APP.getLocalPort());
    }

    @Test
    void accessTokenInTheQueryIsRefusedOnRestReadsAndWrites() {
        String token = Tokens.admin();
        assertUnauthorized(http.get("/api/me/profile?access_token=" + token, null));
        assertUnauthorized(http.get("/api/trading-control?access_token=" + token, null));
        HttpResponse<String> write = http.send(http.request("/api/kill-switch?access_token=" + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"from a link\"}")).build());
        assertUnauthorized(write);
    }

    @Test
    void accessTokenInTheQueryStillOpensAWebsocket() throws Exception {
        try (WsClient ws = WsClient.connect(APP.getLocalPort(), "/ws/trading?access_token=" + Tokens.customer("t1"), null)) {
            assertThat(ws.next().path("type").asText()).isEqualTo("hello");
        }
    }

    @Test
    void rolesGivenAsAStringAreRefusedWithADetail() {
        String token = Tokens.rs256(Tokens.claims("carol", "t1").claim("roles", "customer admin"));

        JsonNode body = assertProblem(http.get("/test/admin-only", token), 401, "UNAUTHORIZED");

        assertThat(body.path("detail").asText()).contains("JSON array").contains("roles");
    }

    @Test
    void unknownRolesAreRefused() {
        String token = Tokens.rs256(Tokens.claims("carol", "t1", "customer", "superuser"));

        JsonNode body = assertProblem(http.get("/api/me/profile", token), 401, "UNAUTHORIZED");

        assertThat(body.path("detail").asText()).contains("unknown role");
    }

    @Test
    void aTokenWithATenantButNoRolesGetsNothing() {
        JWTClaimsSet.Builder noRolesClaim = new JWTClaimsSet.Builder(Tokens.claims("dave", "t1").build())
                .claim("roles", null);
        for (String token : List.of(Tokens.rs256(noRolesClaim), Tokens.rs256(Tokens.claims("dave", "t1")))) {
            assertProblem(http.get("/api/me/profile", token), 401, "UNAUTHORIZED");
            assertProblem(http.get("/api/trading-control", token), 401, "UNAUTHORIZED");
            assertThat(WsClient.refusedHandshake(APP.getLocalPort(), "/ws/trading", token).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void rolesOfOtherShapesAreRefused() {
        for (Object roles : List.of(Map.of("admin", true), List.of(List.of("admin")), 1, true)) {
            String token = Tokens.rs256(Tokens.claims("erin", "t1").claim("roles", roles));
            assertProblem(http.get("/api/me/profile", token), 401, "UNAUTHORIZED");
        }
    }
}
