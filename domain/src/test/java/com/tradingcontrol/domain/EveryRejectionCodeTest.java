package com.tradingcontrol.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

import static com.tradingcontrol.domain.ProposalAction.KILL_SWITCH_RELEASE;
import static com.tradingcontrol.domain.Scenario.ADMIN;
import static com.tradingcontrol.domain.Scenario.AUDITOR;
import static com.tradingcontrol.domain.Scenario.CUSTOMER_U2;
import static com.tradingcontrol.domain.Scenario.OPERATOR;
import static com.tradingcontrol.domain.Scenario.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Guards the contract that every rejection code is reachable; a new code without a scenario fails here. */
class EveryRejectionCodeTest {

    private static final Map<RejectionCode, Supplier<Scenario.Then>> SCENARIOS = new EnumMap<>(Map.of(
            RejectionCode.FORBIDDEN,
            () -> given().when(AUDITOR, new EngageKillSwitch("I only read")),
            RejectionCode.TENANT_MISMATCH,
            () -> given().when(CUSTOMER_U2, new CreateProfile("p1", "u1", "not mine")),
            RejectionCode.VALIDATION_FAILED,
            () -> given().when(OPERATOR, new ResumeTrading(Scope.global(), "")),
            RejectionCode.UNKNOWN_CONFIG_KEY,
            () -> given().when(ADMIN, new UpdateConfig("risk.unknown", ConfigValue.of(1L), "r")),
            RejectionCode.VERSION_CONFLICT,
            () -> given(new KillSwitchEngaged("x")).whenExpecting(0, ADMIN, new ReleaseKillSwitch("r")),
            RejectionCode.INVALID_STATE,
            () -> given(new TradingPaused(Scope.global(), "x", null))
                    .when(OPERATOR, new PauseTrading(Scope.global(), "y", Scenario.NOW.plusSeconds(60))),
            RejectionCode.NOT_FOUND,
            () -> given().when(OPERATOR, new DisableProfile("p1", "u1", "r")),
            RejectionCode.SECOND_ADMIN_REQUIRED,
            () -> given(new KillSwitchEngaged("x"), new ProposalOpened(KILL_SWITCH_RELEASE, "r", Scenario.NOW.plusSeconds(60)))
                    .when(ADMIN, new ApproveProposal(KILL_SWITCH_RELEASE, "my own")),
            RejectionCode.ALREADY_EXISTS,
            () -> given(new ProfileCreated("p1", "u1", "n")).when(OPERATOR, new CreateProfile("p1", "u1", "n"))));

    /** Codes the topology produces around the domain (ControlPlaneTopologyTest and the security tests cover them). */
    @ParameterizedTest
    @EnumSource(value = RejectionCode.class, mode = EnumSource.Mode.EXCLUDE,
            names = {"UNAUTHENTICATED_COMMAND", "IDEMPOTENCY_KEY_REUSED"})
    void isProducedByTheDomainWithAHumanMessage(RejectionCode code) {
        assertThat(SCENARIOS).containsKey(code);
        Decision decision = SCENARIOS.get(code).get().thenRejected(code).decision();
        assertThat(((Decision.Rejected) decision).message()).isNotBlank();
    }
}
