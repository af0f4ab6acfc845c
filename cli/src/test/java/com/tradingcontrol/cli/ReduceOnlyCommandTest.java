package com.tradingcontrol.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ReduceOnlyCommandTest extends FakeApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCEPTED = """
            {"commandId":"c-1","status":"ACCEPTED","aggregateId":"tenant:u1","resultingVersion":3,"eventIds":["e-1"]}""";

    @Test
    void reduceOnlyPostsScopeReasonAndExpiryAndPrintsTheOutcome() throws Exception {
        api.respond("POST", "/api/trading-control/reduce-only", 200, ACCEPTED);

        Cli.Result result = Cli.against(api, dir, "reduce-only", "--scope", "tenant:u1", "--reason", "margin call",
                "--expires-at", "2026-11-21T12:00:00Z");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().strip()).isEqualTo("ACCEPTED reduce-only tenant:u1 (version 3, command c-1)");
        FakeApi.Request request = api.only();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Prefer")).isEqualTo("wait=10");
        assertThat(request.header("Idempotency-Key")).matches("[0-9a-f-]{36}");
        assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree(
                "{\"scope\":\"tenant:u1\",\"reason\":\"margin call\",\"expiresAt\":\"2026-11-21T12:00:00Z\"}"));
    }

    @Test
    void reduceOnlyForADurationCountsFromTheClock() throws Exception {
        api.respond("POST", "/api/trading-control/reduce-only", 200, ACCEPTED);

        Cli.Result result = Cli.against(api, dir, "reduce-only", "--scope", "global", "--reason", "r", "--for", "2h");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(JSON.readTree(api.only().body()).path("expiresAt").asText()).isEqualTo("2026-11-21T12:00:00Z");
    }

    @Test
    void liftPostsScopeAndReason() throws Exception {
        api.respond("POST", "/api/trading-control/reduce-only/lift", 200, ACCEPTED);

        Cli.Result result = Cli.against(api, dir, "reduce-only", "lift", "--scope", "tenant:u1", "--reason", "margin ok");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("ACCEPTED reduce-only lift tenant:u1");
        assertThat(JSON.readTree(api.only().body()))
                .isEqualTo(JSON.readTree("{\"scope\":\"tenant:u1\",\"reason\":\"margin ok\"}"));
    }

    @Test
    void missingOptionsAreUsageErrorsWithoutCallingTheApi() {
        Cli.Result noScope = Cli.against(api, dir, "reduce-only", "--reason", "r");
        Cli.Result liftNoReason = Cli.against(api, dir, "reduce-only", "lift", "--scope", "global");
        Cli.Result bothExpiries = Cli.against(api, dir, "reduce-only", "--scope", "global", "--reason", "r",
                "--for", "1h", "--expires-at", "2026-11-21T12:00:00Z");

        assertThat(noScope.exitCode()).isEqualTo(2);
        assertThat(noScope.err()).contains("--scope").contains("lift");
        assertThat(liftNoReason.exitCode()).isEqualTo(2);
        assertThat(liftNoReason.err()).contains("--reason");
        assertThat(bothExpiries.exitCode()).isEqualTo(2);
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void rejectionsExitOne() {
        api.respond("POST", "/api/trading-control/reduce-only", 403, """
                {"type":"about:blank","title":"Forbidden","status":403,"code":"FORBIDDEN","detail":"no"}""");

        Cli.Result result = Cli.against(api, dir, "reduce-only", "--scope", "global", "--reason", "r");

        assertThat(result.exitCode()).isEqualTo(1);
    }
}
