package com.tradingcontrol.api.auth;

import static com.tradingcontrol.api.support.Problems.assertUnauthorized;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.api.ControlPlaneConfiguration;
import com.tradingcontrol.api.support.Http;
import com.tradingcontrol.api.support.TestApps;
import com.tradingcontrol.api.support.TestKeys;
import com.tradingcontrol.api.support.Tokens;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** ES256 with a configured EC key, and HS256 when explicitly allowed. */
@Timeout(60) // seconds, per test method, nested classes included; ~3 s observed for all
class OtherKeySourcesIT {

    @Nested
    @ExtendWith(DropwizardExtensionsSupport.class)
    class EcPublicKey {
        static final DropwizardAppExtension<ControlPlaneConfiguration> APP =
                TestApps.app(null, ConfigOverride.config("auth.publicKeyPem", TestKeys.ecPem()));

        @Test
        void es256TokenIsAccepted() {
            Http http = new Http(APP.getLocalPort());

            var response = http.get("/api/me/profile", Tokens.es256(TestKeys.EC, Tokens.claims("eve", "t-1", "customer")));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Http.json(response).path("subject").asText()).isEqualTo("eve");
        }

        @Test
        void rs256TokenIsRefusedBecauseTheKeyTypeDecidesTheAlgorithm() {
            Http http = new Http(APP.getLocalPort());

            assertUnauthorized(http.get("/api/me/profile", Tokens.admin()));
        }
    }

    @Nested
    @ExtendWith(DropwizardExtensionsSupport.class)
    class Hs256Allowed {
        static final byte[] SECRET = "0123456789abcdef0123456789abcdef-dev".getBytes(StandardCharsets.UTF_8);
        static final DropwizardAppExtension<ControlPlaneConfiguration> APP = TestApps.app(null,
                ConfigOverride.config("auth.allowHs256", "true"),
                ConfigOverride.config("auth.hs256Secret", new String(SECRET, StandardCharsets.UTF_8)),
                ConfigOverride.config("auth.rolesClaim", "realm_access.roles"),
                ConfigOverride.config("auth.tenantClaim", "https://tc.test/tenant"));

        @Test
        void hs256TokenWithConfiguredClaimNamesIsAccepted() {
            Http http = new Http(APP.getLocalPort());
            var claims = Tokens.claims("dev", null)
                    .claim("realm_access", java.util.Map.of("roles", java.util.List.of("admin")))
                    .claim("https://tc.test/tenant", "t-9");

            var response = http.get("/api/me/profile", Tokens.hs256(SECRET, claims));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Http.json(response).path("tenantId").asText()).isEqualTo("t-9");
            assertThat(Http.json(response).path("roles").get(0).asText()).isEqualTo("admin");
        }

        @Test
        void hs256WithAnotherSecretIsRefused() {
            Http http = new Http(APP.getLocalPort());
            byte[] other = "another-secret-that-is-long-enough-000".getBytes(StandardCharsets.UTF_8);

            assertUnauthorized(http.get("/api/me/profile", Tokens.hs256(other, Tokens.claims("dev", null, "admin"))));
        }

        @Test
        void rs256IsRefusedInHs256Mode() {
            Http http = new Http(APP.getLocalPort());

            assertUnauthorized(http.get("/api/me/profile", Tokens.admin()));
        }
    }
}
