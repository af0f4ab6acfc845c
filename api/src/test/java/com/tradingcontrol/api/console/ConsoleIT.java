package com.tradingcontrol.api.console;

import static com.tradingcontrol.api.support.Problems.assertProblem;
import static com.tradingcontrol.api.support.Problems.assertUnauthorized;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradingcontrol.api.ControlPlaneConfiguration;
import com.tradingcontrol.api.support.Http;
import com.tradingcontrol.api.support.TestApps;
import com.tradingcontrol.api.support.Tokens;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console as the API serves it: files with a strict browser policy and revalidated caching,
 * nothing outside its folder, the catalogue's rules for staff only, and no development tokens on an
 * API that was not started by the launcher (this app registers no {@link DevTokenListing}).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Timeout(60)
class ConsoleIT {
    static final DropwizardAppExtension<ControlPlaneConfiguration> APP = TestApps.withRsaKey(null);
    static Http http;

    @BeforeAll
    static void client() {
        http = new Http(APP.getLocalPort());
    }

    @Test
    void theRootAndTheBareFolderRedirectToTheConsole() {
        for (String path : new String[] {"/", "/console"}) {
            HttpResponse<String> response = http.get(path, null);

            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/"));
        }
    }

    @Test
    void thePageCarriesAStrictPolicyAndIsRevalidated() {
        HttpResponse<String> page = http.get("/console/", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(page.body()).contains("<script type=\"module\" src=\"js/app.js\"></script>");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("default-src 'none'", "script-src 'self'", "style-src 'self'",
                "connect-src 'self' ws://127.0.0.1:" + APP.getLocalPort(), "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.headers().map()).containsEntry("x-content-type-options", java.util.List.of("nosniff"))
                .containsEntry("x-frame-options", java.util.List.of("DENY"))
                .containsEntry("cache-control", java.util.List.of("no-cache"));
        String etag = page.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = http.send(http.request("/console/index.html").header("If-None-Match", etag).build());

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void scriptsAreServedAsJavaScriptModules() {
        HttpResponse<String> script = http.get("/console/js/app.js", null);

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        assertThat(script.body()).contains("customElements.define('tcp-console'");
    }

    @Test
    void nothingOutsideTheConsoleFolderIsServed() {
        for (String path : new String[] {"/console/nope.js", "/console/js/../../config-catalogue.json",
                "/console/..%2Fapi.yml", "/console/com/tradingcontrol/api/ApiMain.class", "/console/js/app.js.bak"}) {
            HttpResponse<String> response = http.get(path, null);

            assertThat(response.statusCode()).as(path).isIn(400, 404);
            assertThat(response.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }
    }

    @Test
    void theCatalogueRulesAreForStaffOnly() {
        assertUnauthorized(http.get("/api/config-catalogue", null));
        assertProblem(http.get("/api/config-catalogue", Tokens.customer("t1")), 403, "FORBIDDEN");

        HttpResponse<String> response = http.get("/api/config-catalogue", Tokens.operator());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode maxOpenOrders = null;
        for (JsonNode rule : Http.json(response).path("keys")) {
            if (rule.path("key").asText().equals("risk.maxOpenOrders")) {
                maxOpenOrders = rule;
            }
        }
        assertThat(maxOpenOrders).isNotNull();
        assertThat(maxOpenOrders.path("type").asText()).isEqualTo("LONG");
        assertThat(maxOpenOrders.path("min").asInt()).isEqualTo(1);
        assertThat(maxOpenOrders.path("changeRoles").toString()).isEqualTo("[\"admin\"]");
    }

    @Test
    void noDevelopmentTokensWithoutTheLauncher() {
        assertProblem(http.get("/api/console/dev-tokens", null), 404, "NOT_FOUND");
    }

    @Test
    void theLauncherListingAnswersLoopbackCallersOnly() {
        assertThat(DevTokenListing.isLoopback("127.0.0.1")).isTrue();
        assertThat(DevTokenListing.isLoopback("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(DevTokenListing.isLoopback("10.1.2.3")).isFalse();
        assertThat(DevTokenListing.isLoopback("192.168.0.1")).isFalse();
        assertThat(DevTokenListing.isLoopback(null)).isFalse();
        assertThat(DevTokenListing.isLoopbackName("localhost")).isTrue();
        assertThat(DevTokenListing.isLoopbackName("127.0.0.1")).isTrue();
        assertThat(DevTokenListing.isLoopbackName("[::1]")).isTrue();
        assertThat(DevTokenListing.isLoopbackName("evil.example")).isFalse();
        assertThat(DevTokenListing.isLoopbackName("127.0.0.1.nip.io")).isFalse();
        assertThat(DevTokenListing.isLoopbackName("10.0.0.1")).isFalse();
        assertThat(new DevTokenListing(() -> Map.of("admin", "t")).getClass().getAnnotation(jakarta.ws.rs.Path.class).value())
                .isEqualTo("/api/console/dev-tokens");
    }
}
