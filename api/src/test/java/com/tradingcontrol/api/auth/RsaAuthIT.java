package com.tradingcontrol.api.auth;

import static com.tradingcontrol.api.support.Problems.assertProblem;
import static com.tradingcontrol.api.support.Problems.assertUnauthorized;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.tradingcontrol.api.ControlPlaneConfiguration;
import com.tradingcontrol.api.support.Http;
import com.tradingcontrol.api.support.TestApps;
import com.tradingcontrol.api.support.TestKeys;
import com.tradingcontrol.api.support.Tokens;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bearer authentication with an RS256 public key, against the running application. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Timeout(60) // seconds, per test method; ~2 s observed for all 20
class RsaAuthIT {
    static final DropwizardAppExtension<ControlPlaneConfiguration> APP = TestApps.withRsaKey(null);
    static Http http;

    @BeforeAll
    static void client() {
        http = new Http(APP.getLocalPort());
    }

    @Test
    void validTokenReturnsTheCallersProfile() {
        String token = Tokens.rs256(Tokens.claims("alice", "tenant-a", "customer", "auditor"));

        HttpResponse<String> response = http.get("/api/me/profile", token);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Http.json(response);
        assertThat(body.path("subject").asText()).isEqualTo("alice");
        assertThat(body.path("tenantId").asText()).isEqualTo("tenant-a");
        assertThat(body.path("roles")).extracting(JsonNode::asText).containsExactly("auditor", "customer");
    }

    @Test
    void tokenWithinClockSkewIsAccepted() {
        Instant now = Instant.now();
        String token = Tokens.rs256(Tokens.claims("bob", null, "operator")
                .expirationTime(Date.from(now.minusSeconds(10)))
                .notBeforeTime(Date.from(now.plusSeconds(10))));

        assertThat(http.get("/api/me/profile", token).statusCode()).isEqualTo(200);
    }

    static Stream<Arguments> attacks() {
        Instant now = Instant.now();
        return Stream.of(
                attack("alg=none", () -> Tokens.unsigned(Tokens.claims("mallory", "t", "admin"))),
                attack("HS256 signed with the RSA public key as secret", () -> hs256WithPublicKey()),
                attack("expired", () -> Tokens.rs256(Tokens.claims("m", "t", "admin")
                        .expirationTime(Date.from(now.minusSeconds(300))))),
                attack("not yet valid", () -> Tokens.rs256(Tokens.claims("m", "t", "admin")
                        .notBeforeTime(Date.from(now.plusSeconds(300))))),
                attack("wrong issuer", () -> Tokens.rs256(Tokens.claims("m", "t", "admin").issuer("https://evil.test"))),
                attack("wrong audience", () -> Tokens.rs256(Tokens.claims("m", "t", "admin").audience("other-api"))),
                attack("no audience", () -> Tokens.rs256(Tokens.claims("m", "t", "admin").audience((String) null))),
                attack("tampered payload", () -> Tokens.tampered(Tokens.rs256(Tokens.claims("m", "t", "customer")),
                        Tokens.claims("m", "t", "admin"))),
                attack("wrong key", () -> Tokens.rs256(TestKeys.OTHER_RSA, Tokens.claims("m", "t", "admin"))),
                attack("ES256 while an RSA key is configured", () -> Tokens.es256(TestKeys.EC, Tokens.claims("m", "t", "admin"))),
                attack("garbage", () -> "not.a.jwt"),
                attack("no subject", () -> Tokens.rs256(Tokens.claims(null, "t", "admin"))));
    }

    private static Arguments attack(String name, Supplier<String> token) {
        return Arguments.of(name, token);
    }

    /** The classic confusion attack: the attacker knows the public key and uses its PEM text as an HMAC secret. */
    private static String hs256WithPublicKey() {
        byte[] publicKeyBytes = TestKeys.rsaPem().getBytes(StandardCharsets.UTF_8);
        return Tokens.hs256(publicKeyBytes, Tokens.claims("mallory", "t", "admin"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void attackTokensAreRefusedWith401(String name, Supplier<String> token) {
        assertUnauthorized(http.get("/api/me/profile", token.get()));
    }

    @Test
    void missingTokenIsRefusedWith401() {
        assertUnauthorized(http.get("/api/me/profile", null));
    }

    @Test
    void otherAuthorizationSchemeIsRefusedWith401() {
        HttpResponse<String> response = http.send(http.request("/api/me/profile")
                .header("Authorization", "Basic YWxpY2U6c2VjcmV0").GET().build());

        assertUnauthorized(response);
    }

    @Test
    void roleMismatchIsRefusedWith403Problem() {
        JsonNode body = assertProblem(http.get("/test/admin-only", Tokens.operator()), 403, "FORBIDDEN");

        assertThat(body.path("detail").asText()).isNotBlank();
    }

    @Test
    void matchingRoleIsAllowed() {
        HttpResponse<String> response = http.get("/test/admin-only", Tokens.admin());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).path("subject").asText()).isEqualTo("admin-1");
    }

    @Test
    void rolesAsASpaceSeparatedStringAreRefused() {
        JWTClaimsSet.Builder claims = Tokens.claims("carol", null).claim("roles", "admin operator");

        assertUnauthorized(http.get("/test/admin-only", Tokens.rs256(claims)));
    }

    @Test
    void rolesClaimOfWrongTypeIsRefused() {
        JWTClaimsSet.Builder claims = Tokens.claims("carol", null).claim("roles", List.of(1, 2));

        assertUnauthorized(http.get("/api/me/profile", Tokens.rs256(claims)));
    }
}
