package com.tradingcontrol.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorMappingTest extends FakeApiTest {

    @Test
    void connectionRefusedExitsThreeWithOneLine() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Cli.Result result = Cli.run(Cli.environment(Map.of(), dir), "--api", "http://127.0.0.1:" + closedPort,
                "--token", "t", "pause", "--scope", "global", "--reason", "r", "--request-id", "r-5");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err().strip()).isEqualTo(
                "error: cannot reach API at http://127.0.0.1:" + closedPort + ": connection refused [x-request-id r-5]");
        assertThat(result.err()).doesNotContain("Exception");
    }

    @Test
    void kafkaUnavailableExitsThree() {
        api.respond("POST", "/api/kill-switch", 503, """
                {"status":503,"code":"KAFKA_UNAVAILABLE","detail":"Kafka did not take the command in time"}""");

        Cli.Result result = Cli.against(api, dir, "kill-switch", "engage", "--reason", "r", "--request-id", "r-6");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err().strip()).isEqualTo(
                "error: KAFKA_UNAVAILABLE (503): Kafka did not take the command in time [x-request-id r-6]");
    }

    @Test
    void aNonJsonErrorPageIsShownAsDetail() {
        api.respond("GET", "/api/me/profile",
                new FakeApi.Response(502, "text/plain", "Bad gateway", Map.of()));

        Cli.Result result = Cli.against(api, dir, "whoami");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).startsWith("error: HTTP_502 (502): Bad gateway [x-request-id cli-");
    }

    @Test
    void forbiddenAndUnauthorizedExitOne() {
        api.respond("GET", "/api/admin/drift-check", 403, """
                {"status":403,"code":"FORBIDDEN","detail":"requires role admin or auditor","requestId":"r-9"}""");

        Cli.Result result = Cli.against(api, dir, "drift-check");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip())
                .isEqualTo("error: FORBIDDEN (403): requires role admin or auditor [x-request-id r-9]");
    }

    @Test
    void aRejectedOutcomeFromCommandsGetIsPrintedButNotAFailure() {
        api.respond("GET", "/api/commands/c-3", 200, """
                {"commandId":"c-3","status":"REJECTED","code":"INVALID_STATE","message":"kill switch not engaged"}""");

        Cli.Result result = Cli.against(api, dir, "commands", "get", "c-3");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip())
                .isEqualTo("REJECTED command c-3 INVALID_STATE (command c-3): kill switch not engaged");
    }

    @Test
    void anInvalidRequestIdIsAUsageError() {
        Cli.Result result = Cli.against(api, dir, "resume", "--scope", "global", "--reason", "r",
                "--request-id", "has spaces");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--request-id must be 1-128 characters");
        assertThat(api.requests()).isEmpty();
    }
}
