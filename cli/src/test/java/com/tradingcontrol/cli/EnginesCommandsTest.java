package com.tradingcontrol.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnginesCommandsTest extends FakeApiTest {
    private static final String ENGINES = """
            {"heartbeatTimeoutMillis":3000,"propagationSloMillis":1000,
             "engines":[{"engineId":"e1","status":"ALIVE","clientStale":false,"engineVersion":"2.1","clientVersion":"0.9",
                         "host":"h1","lastHeartbeat":"2026-11-21T09:59:59Z","heartbeatAgeMillis":800,
                         "firstSeen":"2026-11-21T09:00:00Z","stateVersion":12,
                         "lastApplied":{"commandId":"k1","scope":"global","source":"HALT_SIGNAL","aggregateVersion":null,
                                        "appliedAt":"2026-11-21T09:58:00.004Z","mode":"HALTED"},
                         "lastAppliedLagMillis":4},
                        {"engineId":"e2","status":"STALE","clientStale":false,"engineVersion":"2.1","clientVersion":"0.9",
                         "host":"h2","lastHeartbeat":"2026-11-21T09:50:00Z","heartbeatAgeMillis":600000,
                         "firstSeen":"2026-11-21T09:00:00Z","stateVersion":3,"lastApplied":null,"lastAppliedLagMillis":null}],
             "stale":%s,"missedHalts":%s}""";

    private static final String PROPAGATION = """
            {"commandId":"k1","scope":"global","kind":"KILL_SWITCH","halt":true,"issuedAt":"2026-11-21T09:58:00Z",
             "decideBy":"2026-11-21T09:58:02Z","decision":"ACCEPTED","decidedAt":"2026-11-21T09:58:00.030Z",
             "sloDeadline":"2026-11-21T09:58:01Z","missed":%s,"settled":true,
             "engines":[{"engineId":"e1","status":"APPLIED","expected":true,"aliveAtDecision":true,
                         "signalAppliedAt":"2026-11-21T09:58:00.004Z","stateAppliedAt":"2026-11-21T09:58:00.040Z",
                         "retractedAt":null,"sinceIssuedMillis":4,"sinceDecidedMillis":-26},
                        {"engineId":"e2","status":"%s","expected":true,"aliveAtDecision":false,"signalAppliedAt":null,
                         "stateAppliedAt":null,"retractedAt":null,"sinceIssuedMillis":null,"sinceDecidedMillis":null}]}""";

    @Test
    void enginesListsEveryEngineAndFlagsStaleOnesAndMissedHaltsWithExit1() {
        api.respond("GET", "/api/engines", 200, ENGINES.formatted("[\"e2\"]", "{\"k1\":[\"e2\"]}"));

        Cli.Result result = Cli.against(api, dir, "engines");

        assertThat(api.only().path()).isEqualTo("/api/engines");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out().lines()).containsExactly(
                "ENGINE  STATUS  LAST-HEARTBEAT        HOST  ENGINE/CLIENT  LAST-APPLIED    LAG-MS",
                "e1      ALIVE   2026-11-21T09:59:59Z  h1    2.1/0.9        k1 HALT_SIGNAL  4",
                "e2      STALE   2026-11-21T09:50:00Z  h2    2.1/0.9        - -             -");
        assertThat(result.err()).contains("stale (no report within 3000 ms): e2")
                .contains("halt k1 missed within the SLO by e2 (tcp propagation k1)");
    }

    @Test
    void enginesAllHealthyExitsZeroAndJsonIsTheApiBody() {
        String body = ENGINES.formatted("[]", "{}");
        api.respond("GET", "/api/engines", 200, body);

        Cli.Result result = Cli.against(api, dir, "--json", "engines");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).isEqualTo(body.strip());
    }

    @Test
    void propagationShowsEachEngineAndExits1WhenOneMissedIt() {
        api.respond("GET", "/api/commands/k1/propagation", 200, PROPAGATION.formatted("[\"e2\"]", "MISSED"));

        Cli.Result result = Cli.against(api, dir, "propagation", "k1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out().lines().findFirst()).hasValue(
                "k1: halt KILL_SWITCH of global, ACCEPTED at 2026-11-21T09:58:00.030Z, issued 2026-11-21T09:58:00Z");
        assertThat(result.out().lines()).contains(
                "e1      APPLIED  yes    2026-11-21T09:58:00.004Z  2026-11-21T09:58:00.040Z  -          4          -26",
                "e2      MISSED   no     -                         -                         -          -          -");
        assertThat(result.err()).contains("missed by e2 (no report of applying it by 2026-11-21T09:58:01Z)");
    }

    @Test
    void propagationOfAFullyAppliedHaltExitsZeroAndAnUnknownCommandIsAnError() {
        api.respond("GET", "/api/commands/k1/propagation", 200, PROPAGATION.formatted("[]", "APPLIED"));
        api.respond("GET", "/api/commands/nope/propagation", 404,
                "{\"status\":404,\"code\":\"NOT_FOUND\",\"detail\":\"No halt, decision or engine report names this command here.\"}");

        assertThat(Cli.against(api, dir, "propagation", "k1").exitCode()).isZero();
        Cli.Result unknown = Cli.against(api, dir, "propagation", "nope");
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.err()).contains("NOT_FOUND");
    }
}
