package com.tradingcontrol.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;

/** Assertions on problem+json responses. */
public final class Problems {
    private Problems() {}

    public static JsonNode assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = Http.json(response);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("code").asText()).isEqualTo(code);
        assertThat(body.path("type").asText()).isNotBlank();
        assertThat(body.path("title").asText()).isNotBlank();
        String requestId = response.headers().firstValue("x-request-id").orElseThrow();
        assertThat(body.path("requestId").asText()).isEqualTo(requestId);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.").doesNotContain("java.");
        return body;
    }

    public static void assertUnauthorized(HttpResponse<String> response) {
        assertProblem(response, 401, "UNAUTHORIZED");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"trading-control\"");
    }
}
