package com.tradingcontrol.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadCommandsTest extends FakeApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String auditPage(String auditId, String continuation) {
        return "{\"items\":[{\"auditId\":\"" + auditId + "\",\"occurredAt\":\"2026-11-21T09:00:00Z\","
                + "\"action\":\"PauseTrading\",\"outcome\":\"ACCEPTED\",\"actor\":{\"subject\":\"alice\"},"
                + "\"aggregateId\":\"tenant:u1\",\"requestId\":\"r-" + auditId + "\",\"reason\":\"risk\"}],"
                + "\"continuation\":" + (continuation == null ? "null" : "\"" + continuation + "\"") + "}";
    }

    @Test
    void auditSearchAllFollowsContinuationTokensWithTheSameFilters() throws Exception {
        api.respond("GET", "/api/admin/audit", 200, auditPage("a1", "tok/2"));
        api.respond("GET", "/api/admin/audit", 200, auditPage("a2", "tok3"));
        api.respond("GET", "/api/admin/audit", 200, auditPage("a3", null));

        Cli.Result result = Cli.against(api, dir, "--json", "audit", "search", "--from", "-1h", "--action",
                "PauseTrading", "--page-size", "1", "--all");

        assertThat(result.exitCode()).isZero();
        assertThat(api.requests()).extracting(FakeApi.Request::query).containsExactly(
                "from=2026-11-21T09%3A00%3A00Z&action=PauseTrading&pageSize=1",
                "from=2026-11-21T09%3A00%3A00Z&action=PauseTrading&pageSize=1&continuation=tok%2F2",
                "from=2026-11-21T09%3A00%3A00Z&action=PauseTrading&pageSize=1&continuation=tok3");
        var combined = JSON.readTree(result.out());
        assertThat(combined.path("items").findValuesAsText("auditId")).containsExactly("a1", "a2", "a3");
        assertThat(combined.path("continuation").isNull()).isTrue();
    }

    @Test
    void auditSearchOnePageShowsATableAndHowToContinue() {
        api.respond("GET", "/api/admin/audit", 200, auditPage("a1", "next-1"));

        Cli.Result result = Cli.against(api, dir, "audit", "search", "--actor", "alice", "--request-id", "r-a1");

        assertThat(api.only().query()).isEqualTo("actor=alice&requestId=r-a1");
        assertThat(result.out().lines()).containsExactly(
                "TIME                  ACTION        OUTCOME   ACTOR  AGGREGATE  REQUEST-ID  REASON",
                "2026-11-21T09:00:00Z  PauseTrading  ACCEPTED  alice  tenant:u1  r-a1        risk");
        assertThat(result.err()).contains("--continuation next-1");
    }

    @Test
    void auditVerifyReportsIntactAndBrokenChains() {
        api.respond("GET", "/api/audit/verify", 200, "{\"ok\":true,\"checked\":12,\"firstBroken\":null}");
        api.respond("GET", "/api/audit/verify", 200, """
                {"ok":false,"checked":7,"firstBroken":{"chainId":"chain-0","chainSequence":5,
                 "kind":"HASH_MISMATCH","detail":"hash differs"}}""");

        Cli.Result ok = Cli.against(api, dir, "audit", "verify", "--from", "2026-11-01T00:00:00Z", "--to", "now");
        Cli.Result broken = Cli.against(api, dir, "audit", "verify");

        assertThat(api.requests().get(0).query()).isEqualTo("from=2026-11-01T00%3A00%3A00Z&to=2026-11-21T10%3A00%3A00Z");
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out().strip()).isEqualTo("OK audit chain intact (12 records checked)");
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.out().strip()).isEqualTo(
                "BROKEN audit chain chain-0 at sequence 5 (HASH_MISMATCH): hash differs (7 records checked)");
    }

    @Test
    void stateAsOfARelativeTimeAsksForTheResolvedInstant() {
        api.respond("GET", "/api/state", 200, """
                {"asOf":"2026-11-21T09:59:00Z",
                 "control":[{"scope":"tenant:u1","mode":"PAUSED","paused":true,"killSwitch":false,"maintenance":false,
                             "pause":{"by":"alice","at":"2026-11-21T09:58:00Z","reason":"risk"},"killSwitchBy":null,
                             "maintenanceBy":null},
                            {"scope":"global","mode":"HALTED","paused":true,"killSwitch":true,"maintenance":false,
                             "pause":{"by":"bob","at":"2026-11-21T09:50:00Z","reason":"slow"},
                             "killSwitchBy":{"by":"carol","at":"2026-11-21T09:55:00Z","reason":"outage"}}],
                 "config":[{"key":"risk.maxOrderNotional","value":50000,"version":4}],
                 "profiles":[]}""");

        Cli.Result result = Cli.against(api, dir, "state", "--as-of", "-1m");

        assertThat(result.exitCode()).isZero();
        assertThat(api.only().query()).isEqualTo("asOf=2026-11-21T09%3A59%3A00Z");
        assertThat(result.out().lines()).containsExactly(
                "state as of 2026-11-21T09:59:00Z",
                "control:",
                "SCOPE      MODE    KILL-SWITCH  MAINTENANCE  SET-BY  REASON",
                "tenant:u1  PAUSED  false        false        alice   risk",
                "global     HALTED  true         false        carol   outage",
                "config:",
                "KEY                    VALUE  VERSION",
                "risk.maxOrderNotional  50000  4",
                "profiles:",
                "(none)");
    }

    @Test
    void stateWithAnUnparseableTimeIsAUsageError() {
        Cli.Result result = Cli.against(api, dir, "state", "--as-of", "yesterday");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Invalid value for --as-of").contains("-1m");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void eventsExportStreamsJsonLinesIntoTheFile() throws Exception {
        String ndjson = "{\"eventId\":\"e-1\",\"type\":\"TradingPaused\"}\n{\"eventId\":\"e-2\",\"note\":\"π\"}\n";
        api.respond("GET", "/api/admin/events",
                new FakeApi.Response(200, "application/x-ndjson", ndjson, Map.of()));

        Cli.Result result = Cli.against(api, dir, "events", "export", "--from", "2026-11-20T00:00:00Z",
                "--to", "2026-11-21T00:00:00Z", "--output", "events.jsonl");

        assertThat(result.exitCode()).isZero();
        assertThat(api.only().query()).isEqualTo("from=2026-11-20T00%3A00%3A00Z&to=2026-11-21T00%3A00%3A00Z");
        assertThat(Files.readString(dir.resolve("events.jsonl"))).isEqualTo(ndjson);
        assertThat(dir.resolve("events.jsonl.partial")).doesNotExist();
        assertThat(result.out().strip()).isEqualTo("exported 2 events to " + dir.resolve("events.jsonl"));
    }

    @Test
    void eventsExportToStdoutKeepsStdoutPureJsonLines() {
        String ndjson = "{\"eventId\":\"e-1\"}\n{\"eventId\":\"e-2\"}";
        api.respond("GET", "/api/admin/events",
                new FakeApi.Response(200, "application/x-ndjson", ndjson, Map.of()));

        Cli.Result result = Cli.against(api, dir, "events", "export", "--from", "-1d", "--to", "now");

        assertThat(result.out()).isEqualTo(ndjson);
        assertThat(result.err().strip()).isEqualTo("exported 2 events");
    }

    @Test
    void eventsExportFailureLeavesNoFileBehind() {
        api.respond("GET", "/api/admin/events", 403, "{\"status\":403,\"code\":\"FORBIDDEN\",\"detail\":\"auditors only\"}");

        Cli.Result result = Cli.against(api, dir, "events", "export", "--from", "-1d", "--to", "now", "-o", "out.jsonl");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("FORBIDDEN (403): auditors only");
        assertThat(dir.resolve("out.jsonl")).doesNotExist();
        assertThat(dir.resolve("out.jsonl.partial")).doesNotExist();
    }

    @Test
    void effectiveShowsTheModeAndItsCauses() {
        api.respond("GET", "/api/trading-control/effective", 200, """
                {"mode":"PAUSED","maintenance":false,"causes":[{"scope":"tenant:u1","kind":"PAUSE","mode":"PAUSED",
                 "setBy":"alice","setAt":"2026-11-21T09:00:00Z","reason":"risk","expiresAt":null}]}""");

        Cli.Result result = Cli.against(api, dir, "effective", "--tenant", "u1", "--symbol", "BTCUSD");

        assertThat(api.only().query()).isEqualTo("tenant=u1&symbol=BTCUSD");
        assertThat(result.out().lines()).containsExactly(
                "PAUSED for tenant u1, symbol BTCUSD",
                "SCOPE      KIND   MODE    SET-BY  SET-AT                EXPIRES-AT  REASON",
                "tenant:u1  PAUSE  PAUSED  alice   2026-11-21T09:00:00Z  -           risk");
    }

    @Test
    void whoamiDriftCheckAndRebuild() {
        api.respond("GET", "/api/me/profile", 200, "{\"subject\":\"alice\",\"tenantId\":null,\"roles\":[\"admin\",\"auditor\"]}");
        api.respond("GET", "/api/admin/drift-check", 200, """
                {"differences":[{"container":"trading-control","documentId":"tenant:u1","field":"mode",
                 "expected":"PAUSED","actual":"ACTIVE"}],"checked":9}""");
        api.respond("POST", "/api/admin/projections/rebuild", 202, "{\"rebuildId\":\"rb-1\",\"version\":2}");

        Cli.Result whoami = Cli.against(api, dir, "whoami");
        Cli.Result drift = Cli.against(api, dir, "drift-check");
        Cli.Result rebuild = Cli.against(api, dir, "projections", "rebuild");

        assertThat(whoami.out().strip()).isEqualTo("alice (tenant -, roles admin,auditor)");
        assertThat(drift.exitCode()).isEqualTo(1);
        assertThat(drift.out().lines()).containsExactly(
                "DRIFT 1 difference(s) (9 documents checked)",
                "CONTAINER        DOCUMENT   FIELD  EXPECTED  ACTUAL",
                "trading-control  tenant:u1  mode   PAUSED    ACTIVE");
        assertThat(rebuild.exitCode()).isZero();
        assertThat(rebuild.out().strip()).isEqualTo("REBUILD STARTED rb-1 (version 2)");
        assertThat(api.requests()).extracting(FakeApi.Request::method).containsExactly("GET", "GET", "POST");
    }
}
