package com.tradingcontrol.api.security;

import static com.tradingcontrol.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.api.support.Http;
import com.tradingcontrol.api.support.Tokens;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile bodies on every write endpoint: duplicate keys are refused (a proxy, a log and the API must
 * never read different values out of one body), and no body at all produces a 500.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Timeout(120)
class BodyFuzzAttackTest {
    private static final AttackApp ATTACK = new AttackApp();
    static final DropwizardAppExtension<?> APP = ATTACK.app;
    static Http http;

    record Endpoint(String method, String path, String validBody) {}

    static final List<Endpoint> WRITES = List.of(
            new Endpoint("POST", "/api/trading-control/pause", "{\"scope\":\"tenant:t1\",\"reason\":\"r\"}"),
            new Endpoint("POST", "/api/trading-control/resume", "{\"scope\":\"tenant:t1\",\"reason\":\"r\"}"),
            new Endpoint("POST", "/internal/trading/pause", "{\"scope\":\"tenant:t1\",\"reason\":\"r\"}"),
            new Endpoint("POST", "/api/kill-switch", "{\"reason\":\"r\"}"),
            new Endpoint("DELETE", "/api/kill-switch", "{\"reason\":\"r\"}"),
            new Endpoint("PUT", "/api/maintenance", "{\"on\":false,\"message\":\"m\",\"reason\":\"r\"}"),
            new Endpoint("PUT", "/api/config/risk.maxOpenOrders", "{\"value\":5,\"reason\":\"r\"}"),
            new Endpoint("POST", "/api/profiles", "{\"profileId\":\"p1\",\"name\":\"n\",\"tenantId\":\"t1\"}"),
            new Endpoint("POST", "/api/profiles/p1/enable", "{\"reason\":\"r\",\"tenantId\":\"t1\"}"),
            new Endpoint("POST", "/api/profiles/p1/disable", "{\"reason\":\"r\",\"tenantId\":\"t1\"}"));

    @BeforeAll
    static void client() {
        http = new Http(APP.getLocalPort());
    }

    private static HttpResponse<String> send(Endpoint endpoint, String body) {
        return http.send(http.request(endpoint.path()).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + Tokens.admin())
                .method(endpoint.method(), HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void theValidBodiesAreAccepted() {
        for (Endpoint endpoint : WRITES) {
            assertThat(send(endpoint, endpoint.validBody()).statusCode()).as(endpoint.toString()).isEqualTo(202);
        }
    }

    @Test
    void duplicateKeysAreMalformedJsonOnEveryWriteEndpoint() {
        for (Endpoint endpoint : WRITES) {
            // The first member twice, value and all: only the duplication is wrong with this body.
            String body = endpoint.validBody();
            int comma = body.indexOf(',');
            String firstMember = body.substring(1, comma < 0 ? body.length() - 1 : comma);
            String duplicated = "{" + firstMember + "," + body.substring(1);

            assertProblem(send(endpoint, duplicated), 400, "MALFORMED_JSON");
        }
    }

    @Test
    void theReportedDuplicateKeyBodiesChangeNothing() {
        Endpoint pause = WRITES.get(0);
        assertProblem(send(pause, "{\"scope\":\"tenant:x\",\"scope\":\"global\",\"reason\":\"r\"}"), 400, "MALFORMED_JSON");
        Endpoint maintenance = WRITES.get(5);
        assertProblem(send(maintenance, "{\"on\":false,\"on\":true,\"reason\":\"r\"}"), 400, "MALFORMED_JSON");
        Endpoint profile = WRITES.get(7);
        assertProblem(send(profile, "{\"profileId\":\"p9\",\"name\":\"n\",\"tenantId\":\"t1\",\"tenantId\":\"t2\"}"),
                400, "MALFORMED_JSON");
        assertProblem(send(WRITES.get(6), "{\"value\":{\"a\":1,\"a\":2},\"reason\":\"r\"}"), 400, "MALFORMED_JSON");
    }

    @Test
    void noBodyProducesA500() {
        List<String> bodies = new ArrayList<>(List.of("", "null", "[]", "{}", "\"x\"", "1e999999", "-0", "{\"reason\":1e309}",
                "{\"reason\":null}", "{\"reason\":[]}", "{\"reason\":{}}", "{\"reason\":true}",
                "{\"scope\":123456789012345678901234567890,\"reason\":\"r\"}", "{\"scope\":\"tenant:\u0000\",\"reason\":\"r\"}",
                "{\"value\":123456789012345678901234567890,\"reason\":\"r\"}", "{\"value\":1e400,\"reason\":\"r\"}",
                "{\"value\":-1e-400,\"reason\":\"r\"}", "{\"value\":[1,2],\"reason\":\"r\"}", "{\"value\":null,\"reason\":\"r\"}",
                "{\"on\":\"yes\",\"reason\":\"r\"}", "{\"on\":1,\"reason\":\"r\"}",
                "{\"scope\":\"tenant:t1\",\"reason\":\"r\",\"expiresAt\":\"+999999999-12-31T23:59:59Z\"}",
                "{\"scope\":\"tenant:t1\",\"reason\":\"r\",\"expiresAt\":\"-999999999-01-01T00:00:00Z\"}",
                "{\"scope\":\"tenant:t1\",\"reason\":\"r\",\"expiresAt\":12}",
                "{\"profileId\":\"" + "p".repeat(300) + "\",\"name\":\"n\",\"tenantId\":\"t1\"}",
                "{\"tenantId\":{\"$ne\":null},\"reason\":\"r\"}", "{\"reason\":\"" + "\\ud800".repeat(3) + "\"}",
                "[".repeat(600) + "]".repeat(600), "{\"a\":".repeat(300) + "1" + "}".repeat(300),
                "{\"reason\":\"r\"} trailing", "{\"reason\":\"r\",}", "{'reason':'r'}", "\uFEFF{\"reason\":\"r\"}"));
        Random random = new Random(14);
        for (int i = 0; i < 30; i++) {
            bodies.add(mutate(WRITES.get(i % WRITES.size()).validBody(), random));
        }
        for (Endpoint endpoint : WRITES) {
            for (String body : bodies) {
                HttpResponse<String> response = send(endpoint, body);
                assertThat(response.statusCode()).as(endpoint + " " + body).isLessThan(500);
                if (response.statusCode() >= 400 && response.statusCode() != 413) {
                    assertThat(response.headers().firstValue("Content-Type")).as(endpoint + " " + body)
                            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                }
            }
        }
    }

    /** A valid body with a few bytes replaced, dropped or repeated: the kind of garbage a fuzzer sends. */
    private static String mutate(String body, Random random) {
        StringBuilder text = new StringBuilder(body);
        for (int n = 0; n < 3; n++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(3)) {
                case 0 -> text.setCharAt(at, "{}[]\":,\\0e-".charAt(random.nextInt(11)));
                case 1 -> text.deleteCharAt(at);
                default -> text.insert(at, text.charAt(at));
            }
        }
        return text.toString();
    }
}
