package com.tradingcontrol.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlCommandsTest extends FakeApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCEPTED = """
            {"commandId":"c-1","status":"ACCEPTED","aggregateId":"tenant:u1","resultingVersion":3,"eventIds":["e-1"]}""";

    @Test
    void pauseSendsBodyTokenWaitIdempotencyKeyAndRequestIdAndPrintsTheOutcome() throws Exception {
        api.respond("POST", "/api/trading-control/pause", 200, ACCEPTED);

        Cli.Result result = Cli.against(api, dir, "pause", "--scope", "tenant:u1", "--reason", "risk review");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).isEqualTo("ACCEPTED pause tenant:u1 (version 3, command c-1)");
        FakeApi.Request request = api.only();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Authorization")).isEqualTo("Bearer t-admin");
        assertThat(request.header("Prefer")).isEqualTo("wait=10");
        assertThat(request.header("Idempotency-Key")).matches("[0-9a-f-]{36}");
        assertThat(request.header("x-request-id")).startsWith("cli-");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(JSON.readTree(request.body()))
                .isEqualTo(JSON.readTree("{\"scope\":\"tenant:u1\",\"reason\":\"risk review\"}"));
    }

    @Test
    void pauseForADurationSendsTheExpiryAndHonoursExplicitKeysAndWait() throws Exception {
        api.respond("POST", "/api/trading-control/pause", 200, ACCEPTED);

        Cli.Result result = Cli.against(api, dir, "pause", "--scope", "symbol:BTCUSD", "--reason", "halt",
                "--for", "2h", "--wait", "25", "--idempotency-key", "k-7", "--request-id", "r-42");

        assertThat(result.exitCode()).isZero();
        FakeApi.Request request = api.only();
        assertThat(request.header("Prefer")).isEqualTo("wait=25");
        assertThat(request.header("Idempotency-Key")).isEqualTo("k-7");
        assertThat(request.header("x-request-id")).isEqualTo("r-42");
        assertThat(JSON.readTree(request.body()).path("expiresAt").asText()).isEqualTo("2026-11-21T12:00:00Z");
    }

    @Test
    void pauseWithExpiresAtAndBothExpiryOptionsIsAUsageError() throws Exception {
        api.respond("POST", "/api/trading-control/pause", 200, ACCEPTED);

        Cli.Result ok = Cli.against(api, dir, "pause", "--scope", "global", "--reason", "r",
                "--expires-at", "2026-11-22T00:00:00Z");
        Cli.Result both = Cli.against(api, dir, "pause", "--scope", "global", "--reason", "r",
                "--expires-at", "2026-11-22T00:00:00Z", "--for", "1h");

        assertThat(ok.exitCode()).isZero();
        assertThat(JSON.readTree(api.only().body()).path("expiresAt").asText()).isEqualTo("2026-11-22T00:00:00Z");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
        assertThat(api.requests()).hasSize(1);
    }

    @Test
    void noWaitOmitsPreferAndPrintsPendingWithHowToPoll() {
        api.respond("POST", "/api/trading-control/resume", 202, "{\"commandId\":\"c-9\",\"status\":\"PENDING\"}");

        Cli.Result result = Cli.against(api, dir, "resume", "--scope", "tenant:u1", "--reason", "ok", "--no-wait");

        assertThat(result.exitCode()).isZero();
        assertThat(api.only().header("Prefer")).isNull();
        assertThat(result.out()).startsWith("PENDING resume tenant:u1 (command c-9;")
                .contains("tcp commands get c-9");
    }

    @Test
    void jsonPrintsTheRawResponse() {
        api.respond("POST", "/api/kill-switch", 200, ACCEPTED);

        Cli.Result result = Cli.against(api, dir, "kill-switch", "engage", "--reason", "incident", "--json");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).isEqualTo(ACCEPTED);
    }

    @Test
    void killSwitchReleaseProposesWithAnOptionalTimeToLive() throws Exception {
        api.respond("POST", "/api/kill-switch/release", 200, ACCEPTED);

        Cli.Result plain = Cli.against(api, dir, "kill-switch", "release", "--reason", "all clear");
        Cli.Result timed = Cli.against(api, dir, "kill-switch", "release", "--reason", "all clear", "--for", "15m");

        assertThat(plain.exitCode()).isZero();
        assertThat(plain.out()).startsWith("ACCEPTED kill-switch release proposed");
        assertThat(api.requests()).extracting(FakeApi.Request::method).containsOnly("POST");
        assertThat(JSON.readTree(api.requests().get(0).body())).isEqualTo(JSON.readTree("{\"reason\":\"all clear\"}"));
        assertThat(JSON.readTree(api.requests().get(1).body())).isEqualTo(JSON.readTree(
                "{\"reason\":\"all clear\",\"expiresAt\":\"" + Cli.NOW.plusSeconds(900) + "\"}"));
        assertThat(timed.exitCode()).isZero();
    }

    @Test
    void globalResumeAndMaintenanceOffMayNameTheirProposalsTimeToLive() throws Exception {
        api.respond("POST", "/api/trading-control/resume", 200, ACCEPTED);
        api.respond("PUT", "/api/maintenance", 200, ACCEPTED);

        Cli.Result resume = Cli.against(api, dir, "resume", "--scope", "global", "--reason", "clear",
                "--proposal-for", "20m");
        Cli.Result off = Cli.against(api, dir, "maintenance", "off", "--reason", "done", "--proposal-for", "PT1H");
        Cli.Result plain = Cli.against(api, dir, "maintenance", "off", "--reason", "done");

        assertThat(resume.exitCode()).isZero();
        assertThat(off.exitCode()).isZero();
        assertThat(plain.exitCode()).isZero();
        assertThat(JSON.readTree(api.requests().get(0).body())).isEqualTo(JSON.readTree(
                "{\"scope\":\"global\",\"reason\":\"clear\",\"proposalExpiresAt\":\"" + Cli.NOW.plusSeconds(1200) + "\"}"));
        assertThat(JSON.readTree(api.requests().get(1).body())).isEqualTo(JSON.readTree(
                "{\"on\":false,\"reason\":\"done\",\"proposalExpiresAt\":\"" + Cli.NOW.plusSeconds(3600) + "\"}"));
        assertThat(JSON.readTree(api.requests().get(2).body())).isEqualTo(JSON.readTree(
                "{\"on\":false,\"reason\":\"done\"}"));
    }

    @Test
    void aSecondAdminApprovesOrRejectsTheRelease() throws Exception {
        api.respond("POST", "/api/kill-switch/release/approve", 200, ACCEPTED);
        api.respond("POST", "/api/kill-switch/release/reject", 200, ACCEPTED);

        Cli.Result approve = Cli.against(api, dir, "kill-switch", "approve", "--reason", "checked");
        Cli.Result reject = Cli.against(api, dir, "kill-switch", "reject", "--reason", "not yet");

        assertThat(approve.out()).startsWith("ACCEPTED kill-switch release approved");
        assertThat(reject.out()).startsWith("ACCEPTED kill-switch release rejected");
        assertThat(api.requests()).extracting(FakeApi.Request::path)
                .containsExactly("/api/kill-switch/release/approve", "/api/kill-switch/release/reject");
        assertThat(JSON.readTree(api.requests().get(0).body())).isEqualTo(JSON.readTree("{\"reason\":\"checked\"}"));
    }

    @Test
    void approvingOnesOwnProposalShowsTheStableCodeAndFails() {
        api.respond("POST", "/api/kill-switch/release/approve", 403, """
                {"type":"about:blank","title":"Second admin required","status":403,"code":"SECOND_ADMIN_REQUIRED",
                 "detail":"you proposed this release; a different admin must approve it","commandId":"c-7"}""");

        Cli.Result result = Cli.against(api, dir, "kill-switch", "approve", "--reason", "me");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("SECOND_ADMIN_REQUIRED (403): you proposed this release; a different admin"
                + " must approve it");
    }

    @Test
    void twoPersonApprovesOrRejectsTheProposalOfAnyAction() throws Exception {
        api.respond("POST", "/api/two-person/global-resume/approve", 200, ACCEPTED);
        api.respond("POST", "/api/two-person/maintenance-off/reject", 200, ACCEPTED);

        Cli.Result approve = Cli.against(api, dir, "two-person", "approve", "global-resume", "--reason", "checked");
        Cli.Result reject = Cli.against(api, dir, "two-person", "reject", "maintenance-off", "--reason", "not yet");
        Cli.Result unknown = Cli.against(api, dir, "two-person", "approve", "world-peace", "--reason", "x");

        assertThat(approve.out()).startsWith("ACCEPTED global-resume proposal approved");
        assertThat(reject.out()).startsWith("ACCEPTED maintenance-off proposal rejected");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("kill-switch-release, global-resume, maintenance-off");
        assertThat(api.requests()).extracting(FakeApi.Request::path)
                .containsExactly("/api/two-person/global-resume/approve", "/api/two-person/maintenance-off/reject");
        assertThat(JSON.readTree(api.requests().get(0).body())).isEqualTo(JSON.readTree("{\"reason\":\"checked\"}"));
    }

    @Test
    void approvingOnesOwnResumeProposalShowsTheStableCodeAndFails() {
        api.respond("POST", "/api/two-person/global-resume/approve", 403, """
                {"type":"about:blank","title":"Second admin required","status":403,"code":"SECOND_ADMIN_REQUIRED",
                 "detail":"you proposed to resume global trading; a different admin must approve it","commandId":"c-8"}""");

        Cli.Result result = Cli.against(api, dir, "two-person", "approve", "global-resume", "--reason", "me");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("SECOND_ADMIN_REQUIRED (403): you proposed to resume global trading");
    }

    @Test
    void maintenanceOnAndOffPutTheFlagMessageAndReason() throws Exception {
        api.respond("PUT", "/api/maintenance", 200, ACCEPTED);

        Cli.Result on = Cli.against(api, dir, "maintenance", "on", "--message", "back at 11", "--reason", "upgrade");
        Cli.Result off = Cli.against(api, dir, "maintenance", "off", "--reason", "done");

        assertThat(on.exitCode()).isZero();
        assertThat(off.out()).startsWith("ACCEPTED maintenance off");
        assertThat(api.requests()).extracting(FakeApi.Request::method).containsOnly("PUT");
        assertThat(JSON.readTree(api.requests().get(0).body())).isEqualTo(
                JSON.readTree("{\"on\":true,\"message\":\"back at 11\",\"reason\":\"upgrade\"}"));
        assertThat(JSON.readTree(api.requests().get(1).body()))
                .isEqualTo(JSON.readTree("{\"on\":false,\"reason\":\"done\"}"));
    }

    @Test
    void usageErrorsExitTwoWithoutCallingTheApi() {
        Cli.Result missingReason = Cli.against(api, dir, "pause", "--scope", "global");
        Cli.Result badWait = Cli.against(api, dir, "resume", "--scope", "global", "--reason", "r", "--wait", "31");
        Cli.Result noSubcommand = Cli.against(api, dir, "kill-switch");
        Cli.Result badDuration = Cli.against(api, dir, "pause", "--scope", "global", "--reason", "r", "--for", "soon");

        assertThat(missingReason.exitCode()).isEqualTo(2);
        assertThat(missingReason.err()).contains("--reason");
        assertThat(badWait.exitCode()).isEqualTo(2);
        assertThat(badWait.err()).contains("--wait must be between 0 and 30");
        assertThat(noSubcommand.exitCode()).isEqualTo(2);
        assertThat(noSubcommand.err()).contains("Missing required subcommand").contains("engage");
        assertThat(badDuration.exitCode()).isEqualTo(2);
        assertThat(badDuration.err()).contains("--for").contains("not a duration");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void helpAndVersionWorkEverywhere() {
        Cli.Result help = Cli.run(Cli.environment(Map.of(), dir), "config", "set", "--help");
        Cli.Result rootHelp = Cli.run(Cli.environment(Map.of(), dir), "--help");
        Cli.Result version = Cli.run(Cli.environment(Map.of(), dir), "--version");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--expected-version").contains("--string").contains("--idempotency-key");
        assertThat(rootHelp.out()).contains("TCP_API_URL").contains("./data/local.json").contains("Exit codes");
        assertThat(version.out()).startsWith("tcp ");
    }
}
