package com.tradingcontrol.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectionResolutionTest extends FakeApiTest {

    private static final String ME = "{\"subject\":\"s\",\"tenantId\":null,\"roles\":[]}";

    @BeforeEach
    void answerWhoAmI() {
        api.respond("GET", "/api/me/profile", 200, ME);
    }

    private Path writeLocalJson(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"api\":\"" + api.url() + "/\",\"ws\":\"ws://x\",\"kafka\":\"127.0.0.1:1\","
                + "\"tokens\":{\"admin\":\"t-admin\",\"operator\":\"t-operator\",\"auditor\":\"t-auditor\"}}");
        return file;
    }

    private String tokenSent() {
        return api.only().header("Authorization");
    }

    @Test
    void defaultLocalJsonInTheWorkingDirectoryGivesUrlAndAdminToken() throws Exception {
        writeLocalJson(dir.resolve("data/local.json"));

        Cli.Result result = Cli.run(Cli.environment(Map.of(), dir), "whoami");

        assertThat(result.exitCode()).isZero();
        assertThat(tokenSent()).isEqualTo("Bearer t-admin");
    }

    @Test
    void roleFlagPicksThatRolesTokenFromLocalJsonEvenWhenTcpTokenIsSet() throws Exception {
        Path file = writeLocalJson(dir.resolve("elsewhere/local.json"));

        Cli.Result result = Cli.run(Cli.environment(Map.of("TCP_TOKEN", "t-env"), dir),
                "whoami", "--local-json", file.toString(), "--role", "operator");

        assertThat(result.exitCode()).isZero();
        assertThat(tokenSent()).isEqualTo("Bearer t-operator");
    }

    @Test
    void localJsonFromTheEnvironmentVariable() throws Exception {
        Path file = writeLocalJson(dir.resolve("launcher/local.json"));

        Cli.Result result = Cli.run(Cli.environment(Map.of("TCP_LOCAL_JSON", file.toString()), dir),
                "--role", "auditor", "whoami");

        assertThat(result.exitCode()).isZero();
        assertThat(tokenSent()).isEqualTo("Bearer t-auditor");
    }

    @Test
    void environmentVariablesWinOverLocalJsonAndFlagsWinOverEnvironment() throws Exception {
        writeLocalJson(dir.resolve("data/local.json"));
        Map<String, String> env = Map.of("TCP_API_URL", api.url(), "TCP_TOKEN", "t-env");

        Cli.Result fromEnv = Cli.run(Cli.environment(env, dir), "whoami");
        String envToken = api.only().header("Authorization");
        api.reset();
        api.respond("GET", "/api/me/profile", 200, ME);
        Cli.Result fromFlag = Cli.run(Cli.environment(env, dir), "whoami", "--token", "t-flag");

        assertThat(fromEnv.exitCode()).isZero();
        assertThat(envToken).isEqualTo("Bearer t-env");
        assertThat(fromFlag.exitCode()).isZero();
        assertThat(tokenSent()).isEqualTo("Bearer t-flag");
    }

    @Test
    void unknownRoleAndMissingLocalJsonAreUsageErrors() throws Exception {
        Cli.Result missing = Cli.run(Cli.environment(Map.of(), dir), "whoami");
        Path file = writeLocalJson(dir.resolve("data/local.json"));
        Cli.Result unknownRole = Cli.run(Cli.environment(Map.of(), dir), "whoami", "--role", "customer-z");
        Cli.Result explicitMissing = Cli.run(Cli.environment(Map.of(), dir), "whoami",
                "--local-json", file.resolveSibling("nope.json").toString());

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip()).startsWith("error: no API URL or token:").contains("TCP_API_URL")
                .endsWith("(expected " + dir.resolve("data/local.json") + ")");
        assertThat(unknownRole.exitCode()).isEqualTo(2);
        assertThat(unknownRole.err().strip()).isEqualTo(
                "error: local.json has no token for role 'customer-z' (available: [admin, operator, auditor])");
        assertThat(explicitMissing.exitCode()).isEqualTo(2);
        assertThat(explicitMissing.err()).contains("local.json not found");
        assertThat(api.requests()).isEmpty();
    }
}
