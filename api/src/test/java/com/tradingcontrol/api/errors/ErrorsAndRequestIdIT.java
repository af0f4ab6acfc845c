package com.tradingcontrol.api.errors;

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
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Problem documents for every error path, body limits and x-request-id handling. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Timeout(60) // seconds, per test method; ~2 s observed for all 15
class ErrorsAndRequestIdIT {
    static final DropwizardAppExtension<ControlPlaneConfiguration> APP = TestApps.withRsaKey(null);
    static Http http;

    @BeforeAll
    static void client() {
        http = new Http(APP.getLocalPort());
    }

    private HttpResponse<String> post(String path, String body) {
        return http.send(http.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void validBodyIsAccepted() {
        HttpResponse<String> response = post("/test/echo", "{\"name\":\"x\",\"count\":3}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).path("count").asInt()).isEqualTo(3);
    }

    @Test
    void unknownFieldIsRejected() {
        JsonNode body = assertProblem(post("/test/echo", "{\"name\":\"x\",\"count\":1,\"isAdmin\":true}"), 400, "UNKNOWN_FIELD");

        assertThat(body.path("detail").asText()).contains("isAdmin").doesNotContain("EchoBody");
    }

    @Test
    void malformedJsonIsRejected() {
        JsonNode body = assertProblem(post("/test/echo", "{\"name\":"), 400, "MALFORMED_JSON");

        assertThat(body.path("detail").asText()).contains("not valid JSON");
    }

    @Test
    void wrongTypeIsAValidationFailure() {
        JsonNode body = assertProblem(post("/test/echo", "{\"name\":\"x\",\"count\":\"many\"}"), 422, "VALIDATION_FAILED");

        assertThat(body.path("detail").asText()).contains("count").doesNotContain("int");
    }

    @Test
    void beanValidationFailuresListEachViolation() {
        JsonNode body = assertProblem(post("/test/echo", "{\"name\":\"\",\"count\":11}"), 422, "VALIDATION_FAILED");

        assertThat(body.path("errors")).hasSize(2);
        assertThat(body.path("detail").asText()).contains("name").contains("count");
    }

    @Test
    void declaredOversizedBodyGets413() {
        String big = "{\"name\":\"" + "x".repeat(2000) + "\",\"count\":1}";

        JsonNode body = assertProblem(post("/test/echo", big), 413, "PAYLOAD_TOO_LARGE");

        assertThat(body.path("detail").asText()).contains("1024");
    }

    @Test
    void chunkedOversizedBodyGets413() {
        byte[] big = ("{\"name\":\"" + "x".repeat(2000) + "\",\"count\":1}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = http.request("/test/echo").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();

        assertProblem(http.send(request), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void unknownPathIs404Problem() {
        assertProblem(http.get("/no/such/path", null), 404, "NOT_FOUND");
    }

    @Test
    void wrongMethodIs405Problem() {
        assertProblem(http.send(http.request("/health/live").DELETE().build()), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void unexpectedFailureIs500WithoutInternals() {
        HttpResponse<String> response = http.get("/test/boom", null);

        JsonNode body = assertProblem(response, 500, "INTERNAL");
        assertThat(response.body()).doesNotContain("secret").doesNotContain("IllegalState").doesNotContain("tradingcontrol.Secret");
        assertThat(body.path("detail").asText()).contains("requestId");
    }

    @Test
    void validRequestIdIsEchoedOnSuccessAndInjectedAndInMdc() {
        HttpResponse<String> response = http.send(http.request("/test/request-id").header("x-request-id", "abc-123:x.y_z").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-request-id")).hasValue("abc-123:x.y_z");
        JsonNode body = Http.json(response);
        assertThat(body.path("injected").asText()).isEqualTo("abc-123:x.y_z");
        assertThat(body.path("mdc").asText()).isEqualTo("abc-123:x.y_z");
    }

    @Test
    void requestIdIsEchoedOn401And404And413() {
        HttpResponse<String> unauthorized = http.send(http.request("/api/me/profile").header("x-request-id", "rid-401").GET().build());
        HttpResponse<String> notFound = http.send(http.request("/nope").header("x-request-id", "rid-404").GET().build());
        HttpResponse<String> tooLarge = http.send(http.request("/test/echo").header("x-request-id", "rid-413")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("x".repeat(5000))).build());

        assertUnauthorized(unauthorized);
        assertThat(unauthorized.headers().firstValue("x-request-id")).hasValue("rid-401");
        assertThat(Http.json(notFound).path("requestId").asText()).isEqualTo("rid-404");
        assertThat(notFound.headers().firstValue("x-request-id")).hasValue("rid-404");
        assertThat(Http.json(tooLarge).path("requestId").asText()).isEqualTo("rid-413");
        assertThat(tooLarge.headers().firstValue("x-request-id")).hasValue("rid-413");
    }

    @Test
    void missingRequestIdIsGenerated() {
        HttpResponse<String> response = http.get("/api/me/profile", Tokens.admin());

        assertThat(response.headers().firstValue("x-request-id")).hasValueSatisfying(
                id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }

    @Test
    void invalidRequestIdsAreReplaced() {
        String tooLong = "a".repeat(129);
        String badChars = "abc def<script>";

        for (String invalid : new String[] {tooLong, badChars}) {
            HttpResponse<String> response = http.send(http.request("/test/request-id").header("x-request-id", invalid).GET().build());
            String echoed = response.headers().firstValue("x-request-id").orElseThrow();
            assertThat(echoed).isNotEqualTo(invalid).matches("[0-9a-f-]{36}");
            assertThat(Http.json(response).path("injected").asText()).isEqualTo(echoed);
        }
    }

    @Test
    void eachRequestWithoutIdGetsADifferentOne() {
        String first = http.get("/health/live", null).headers().firstValue("x-request-id").orElseThrow();
        String second = http.get("/health/live", null).headers().firstValue("x-request-id").orElseThrow();

        assertThat(first).isNotEqualTo(second);
    }
}
