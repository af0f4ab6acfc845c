package com.tradingcontrol.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ConfigAndProfilesCommandsTest extends FakeApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCEPTED = """
            {"commandId":"c-2","status":"ACCEPTED","aggregateId":"config","resultingVersion":5,"eventIds":["e-2"]}""";
    private static final String CONFLICT = """
            {"type":"about:blank","title":"Conflict","status":409,"code":"VERSION_CONFLICT",
             "detail":"expected version 3 but is 4","requestId":"r-1","commandId":"c-9"}""";

    @Test
    void configGetListsEntriesAsATable() {
        api.respond("GET", "/api/config", 200, """
                {"catalogueVersion":2,"entries":[
                 {"key":"risk.maxOrderNotional","type":"NUMBER","value":50000,"version":4,"updatedBy":"alice"},
                 {"key":"features.tabs.marketplace","type":"BOOLEAN","value":true,"version":1,"updatedBy":null}]}""");

        Cli.Result result = Cli.against(api, dir, "config", "get");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).containsExactly(
                "catalogue version 2",
                "KEY                        TYPE     VALUE  VERSION  UPDATED-BY",
                "risk.maxOrderNotional      NUMBER   50000  4        alice",
                "features.tabs.marketplace  BOOLEAN  true   1        -");
        assertThat(api.only().method()).isEqualTo("GET");
    }

    @Test
    void configGetOneKeyShowsValueVersionAndDescription() {
        api.respond("GET", "/api/config/features.backtest.enabled", 200, """
                {"key":"features.backtest.enabled","type":"BOOLEAN","value":false,"defaultValue":false,"version":7,
                 "description":"Backtesting for everyone","updatedBy":"bob","updatedAt":"2026-11-20T09:00:00Z"}""");

        Cli.Result result = Cli.against(api, dir, "config", "get", "features.backtest.enabled");

        assertThat(result.out().lines()).containsExactly(
                "features.backtest.enabled = false (BOOLEAN, version 7, default false, updated by bob at 2026-11-20T09:00:00Z)",
                "  Backtesting for everyone");
    }

    @Test
    void configSetEncodesValueTypesAndSendsExpectedVersionAsIfMatch() throws Exception {
        api.respond("PUT", "/api/config/risk.maxOrderNotional", 200, ACCEPTED);
        api.respond("PUT", "/api/config/features.backtest.enabled", 200, ACCEPTED);
        api.respond("PUT", "/api/config/ui.banner", 200, ACCEPTED);

        Cli.Result number = Cli.against(api, dir, "config", "set", "risk.maxOrderNotional", "75000.5",
                "--reason", "raise", "--expected-version", "4");
        Cli.Result bool = Cli.against(api, dir, "config", "set", "features.backtest.enabled", "true", "--reason", "go");
        Cli.Result forced = Cli.against(api, dir, "config", "set", "ui.banner", "42", "--string", "--reason", "s");

        assertThat(number.exitCode()).isZero();
        assertThat(number.out().strip()).isEqualTo("ACCEPTED config set risk.maxOrderNotional (version 5, command c-2)");
        assertThat(api.requests().get(0).header("If-Match")).isEqualTo("\"4\"");
        assertThat(JSON.readTree(api.requests().get(0).body()))
                .isEqualTo(JSON.readTree("{\"value\":75000.5,\"reason\":\"raise\"}"));
        assertThat(bool.exitCode()).isZero();
        assertThat(api.requests().get(1).header("If-Match")).isNull();
        assertThat(JSON.readTree(api.requests().get(1).body()).path("value").isBoolean()).isTrue();
        assertThat(forced.exitCode()).isZero();
        assertThat(JSON.readTree(api.requests().get(2).body()).path("value").asText()).isEqualTo("42");
        assertThat(JSON.readTree(api.requests().get(2).body()).path("value").isTextual()).isTrue();
    }

    @Test
    void aConflictExitsOneWithCodeDetailAndRequestIdOnStderr() {
        api.respond("PUT", "/api/config/risk.maxOrderNotional", 409, CONFLICT);

        Cli.Result result = Cli.against(api, dir, "config", "set", "risk.maxOrderNotional", "1",
                "--reason", "r", "--expected-version", "3");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().strip()).isEqualTo(
                "error: VERSION_CONFLICT (409): expected version 3 but is 4 [x-request-id r-1, command c-9]");
    }

    @Test
    void withJsonAProblemIsAlsoPrintedRawOnStdout() throws Exception {
        api.respond("PUT", "/api/config/x", 422, """
                {"status":422,"code":"VALIDATION_FAILED","detail":"x must be a number"}""");

        Cli.Result result = Cli.against(api, dir, "--json", "config", "set", "x", "abc", "--reason", "r",
                "--request-id", "r-77");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(JSON.readTree(result.out()).path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(result.err().strip())
                .isEqualTo("error: VALIDATION_FAILED (422): x must be a number [x-request-id r-77]");
    }

    @Test
    void profilesListFiltersByTenant() {
        api.respond("GET", "/api/profiles", 200, """
                {"items":[{"profileId":"p-1","tenantId":"u1","name":"Momentum","enabled":true,"version":2}]}""");

        Cli.Result result = Cli.against(api, dir, "profiles", "list", "--tenant", "u1");

        assertThat(api.only().query()).isEqualTo("tenant=u1");
        assertThat(result.out().lines()).containsExactly(
                "PROFILE  TENANT  NAME      ENABLED  VERSION",
                "p-1      u1      Momentum  true     2");
    }

    @Test
    void profilesCreateEnableAndDisablePostTheirBodies() throws Exception {
        api.respond("POST", "/api/profiles", 200, ACCEPTED);
        api.respond("POST", "/api/profiles/p-1/enable", 200, ACCEPTED);
        api.respond("POST", "/api/profiles/p-1/disable", 200, ACCEPTED);

        Cli.Result create = Cli.against(api, dir, "profiles", "create", "p-1", "--name", "Momentum", "--tenant", "u1");
        Cli.Result enable = Cli.against(api, dir, "profiles", "enable", "p-1", "--tenant", "u1", "--reason", "ready");
        Cli.Result disable = Cli.against(api, dir, "profiles", "disable", "p-1");

        assertThat(create.out()).startsWith("ACCEPTED profiles create p-1");
        assertThat(enable.out()).startsWith("ACCEPTED profiles enable p-1");
        assertThat(disable.exitCode()).isZero();
        assertThat(JSON.readTree(api.requests().get(0).body())).isEqualTo(
                JSON.readTree("{\"profileId\":\"p-1\",\"name\":\"Momentum\",\"tenantId\":\"u1\"}"));
        assertThat(JSON.readTree(api.requests().get(1).body()))
                .isEqualTo(JSON.readTree("{\"reason\":\"ready\",\"tenantId\":\"u1\"}"));
        assertThat(JSON.readTree(api.requests().get(2).body())).isEqualTo(JSON.readTree("{}"));
        assertThat(api.requests()).allSatisfy(request -> assertThat(request.header("Idempotency-Key")).isNotBlank());
    }
}
