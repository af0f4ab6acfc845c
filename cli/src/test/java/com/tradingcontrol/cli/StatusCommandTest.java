package com.tradingcontrol.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusCommandTest extends FakeApiTest {

    @Test
    void listsEveryControlInForceWithWhoWhenWhyAndTimeLeft() {
        api.respond("GET", "/api/trading-control", 200, """
                {"global":{"scope":"global","mode":"HALTED","killSwitch":true,"killSwitchBy":"carol",
                           "killSwitchAt":"2026-11-21T09:55:00Z","killSwitchReason":"outage","maintenance":true,
                           "maintenanceMessage":"upgrade","maintenanceBy":"dave","maintenanceAt":"2026-11-21T09:56:00Z",
                           "maintenanceReason":"db upgrade","paused":false},
                 "scopes":[{"scope":"tenant:u1","mode":"PAUSED","paused":true,"pausedBy":"alice",
                            "pausedAt":"2026-11-21T09:58:00Z","pauseReason":"risk","expiresAt":"2026-11-21T11:05:00Z",
                            "reduceOnly":true,"reduceOnlyBy":"bob","reduceOnlyAt":"2026-11-21T09:59:00Z",
                            "reduceOnlyReason":"margin","reduceOnlyExpiresAt":"2026-11-21T10:04:03Z"},
                           {"scope":"tenant:u2","mode":"ACTIVE","paused":true,"pausedBy":"alice",
                            "pausedAt":"2026-11-21T08:00:00Z","pauseReason":"old","expiresAt":"2026-11-21T09:00:00Z"}]}""");

        Cli.Result result = Cli.against(api, dir, "--role", "operator", "status");

        assertThat(result.exitCode()).isZero();
        assertThat(api.only().path()).isEqualTo("/api/trading-control");
        assertThat(result.out().lines()).containsExactly(
                "global: HALTED, KILL SWITCH ENGAGED, MAINTENANCE (upgrade)",
                "SCOPE      CONTROL      SET-BY  SET-AT                EXPIRES-IN  REASON",
                "global     KILL_SWITCH  carol   2026-11-21T09:55:00Z  -           outage",
                "global     MAINTENANCE  dave    2026-11-21T09:56:00Z  -           db upgrade",
                "tenant:u1  PAUSE        alice   2026-11-21T09:58:00Z  1h05m       risk",
                "tenant:u1  REDUCE_ONLY  bob     2026-11-21T09:59:00Z  4m03s       margin");
    }

    @Test
    void showsAReleaseProposalAwaitingASecondAdmin() {
        api.respond("GET", "/api/trading-control", 200, """
                {"global":{"scope":"global","mode":"HALTED","killSwitch":true,"killSwitchBy":"carol",
                           "killSwitchAt":"2026-11-21T09:55:00Z","killSwitchReason":"outage","maintenance":false,
                           "releaseProposal":true,"releaseProposedBy":"adam","releaseProposedAt":"2026-11-21T09:59:00Z",
                           "releaseProposalReason":"venue back","releaseProposalExpiresAt":"2026-11-21T10:09:00Z"},
                 "scopes":[]}""");

        Cli.Result result = Cli.against(api, dir, "status");

        assertThat(result.out().lines()).containsExactly(
                "global: HALTED, KILL SWITCH ENGAGED",
                "SCOPE   CONTROL           SET-BY  SET-AT                EXPIRES-IN  REASON",
                "global  KILL_SWITCH       carol   2026-11-21T09:55:00Z  -           outage",
                "global  RELEASE_PROPOSED  adam    2026-11-21T09:59:00Z  9m00s       venue back");
    }

    @Test
    void showsEveryOpenTwoPersonProposal() {
        api.respond("GET", "/api/trading-control", 200, """
                {"global":{"scope":"global","mode":"PAUSED","killSwitch":false,"maintenance":false,"paused":true,
                           "pausedBy":"carol","pausedAt":"2026-11-21T09:55:00Z","pauseReason":"outage",
                           "proposals":[{"action":"GLOBAL_RESUME","proposedBy":"olga","proposedAt":"2026-11-21T09:59:00Z",
                                         "reason":"venue back","expiresAt":"2026-11-21T10:09:00Z"},
                                        {"action":"MAINTENANCE_OFF","proposedBy":"adam","proposedAt":"2026-11-21T09:40:00Z",
                                         "reason":"lapsed","expiresAt":"2026-11-21T09:50:00Z"}]},
                 "scopes":[]}""");

        Cli.Result result = Cli.against(api, dir, "status");

        assertThat(result.out().lines()).contains(
                "global  RESUME_PROPOSED  olga    2026-11-21T09:59:00Z  9m00s       venue back");
        assertThat(result.out()).doesNotContain("MAINTENANCE_OFF_PROPOSED");
    }

    @Test
    void saysSoWhenNothingIsInForce() {
        api.respond("GET", "/api/trading-control", 200, """
                {"global":{"scope":"global","mode":"ACTIVE","killSwitch":false,"maintenance":false,"paused":false},
                 "scopes":[]}""");

        Cli.Result result = Cli.against(api, dir, "status");

        assertThat(result.out().lines()).containsExactly("global: ACTIVE", "nothing in force: trading is open everywhere");
    }

    @Test
    void aRefusedTokenExitsOneWithTheProblem() {
        api.respond("GET", "/api/trading-control", 401, """
                {"status":401,"code":"UNAUTHORIZED","detail":"token expired","requestId":"r-1"}""");

        Cli.Result result = Cli.against(api, dir, "status");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("error: UNAUTHORIZED (401): token expired [x-request-id r-1]");
    }
}
