package com.tradingcontrol.domain.control;

import com.tradingcontrol.domain.ApproveProposal;
import com.tradingcontrol.domain.ConfigValue;
import com.tradingcontrol.domain.ControlMode;
import com.tradingcontrol.domain.EventMeta;
import com.tradingcontrol.domain.MaintenanceModeChanged;
import com.tradingcontrol.domain.PauseExpired;
import com.tradingcontrol.domain.PauseTrading;
import com.tradingcontrol.domain.ProposalAction;
import com.tradingcontrol.domain.ProposalCancelled;
import com.tradingcontrol.domain.ProposalExpired;
import com.tradingcontrol.domain.ProposalOpened;
import com.tradingcontrol.domain.ProposalRejected;
import com.tradingcontrol.domain.RecordedEvent;
import com.tradingcontrol.domain.RejectProposal;
import com.tradingcontrol.domain.ResumeTrading;
import com.tradingcontrol.domain.Role;
import com.tradingcontrol.domain.Scenario;
import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.domain.SetMaintenanceMode;
import com.tradingcontrol.domain.TradingPaused;
import com.tradingcontrol.domain.TradingResumed;
import com.tradingcontrol.domain.UpdateConfig;
import com.tradingcontrol.domain.config.ConfigKeyDefinition;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

import static com.tradingcontrol.domain.ProposalAction.GLOBAL_RESUME;
import static com.tradingcontrol.domain.ProposalAction.MAINTENANCE_OFF;
import static com.tradingcontrol.domain.RejectionCode.FORBIDDEN;
import static com.tradingcontrol.domain.RejectionCode.INVALID_STATE;
import static com.tradingcontrol.domain.RejectionCode.SECOND_ADMIN_REQUIRED;
import static com.tradingcontrol.domain.RejectionCode.VALIDATION_FAILED;
import static com.tradingcontrol.domain.Scenario.ADMIN;
import static com.tradingcontrol.domain.Scenario.NOW;
import static com.tradingcontrol.domain.Scenario.OPERATOR;
import static com.tradingcontrol.domain.Scenario.given;
import static com.tradingcontrol.domain.control.TwoPersonReleaseTest.SECOND_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

/** The optional two-person rules for global resume and maintenance off (issue #17): configuration, off by default. */
class TwoPersonRulesTest {

    private static final TwoPersonRule BOTH_ON = new TwoPersonRule(EnumSet.allOf(ProposalAction.class));
    private static final Instant EXPIRY = NOW.plus(Duration.ofMinutes(5));
    private static final Instant DEFAULT_EXPIRY = NOW.plus(Duration.ofMinutes(10));

    private static Scenario globallyPaused() {
        return given(new TradingPaused(Scope.global(), "incident", null)).under(BOTH_ON);
    }

    private static Scenario maintenanceOn() {
        return given(new MaintenanceModeChanged(true, "upgrade", "planned")).under(BOTH_ON);
    }

    @Nested
    class GlobalResume {

        @Test
        void underTheRuleAResumeOnlyProposesAndTradingStaysPaused() {
            ControlState after = (ControlState) globallyPaused().when(OPERATOR, new ResumeTrading(Scope.global(), "clear"))
                    .thenEvents(new ProposalOpened(GLOBAL_RESUME, "clear", DEFAULT_EXPIRY)).stateAfter();

            assertThat(after.isPausedAt(NOW)).isTrue();
            assertThat(after.imposedMode()).isEqualTo(ControlMode.PAUSED);
            assertThat(after.proposal(GLOBAL_RESUME).proposedBy().actorSubject()).isEqualTo("ops-1");
        }

        @Test
        void aDifferentAdminApprovesAndTradingResumes() {
            Scenario proposed = globallyPaused().and(OPERATOR, new ProposalOpened(GLOBAL_RESUME, "clear", EXPIRY));

            ControlState after = (ControlState) proposed.when(ADMIN, new ApproveProposal(GLOBAL_RESUME, "checked"))
                    .thenEvents(new TradingResumed(Scope.global(), "checked")).stateAfter();

            assertThat(after.pause()).isNull();
            assertThat(after.proposals().isEmpty()).isTrue();
            assertThat(after.imposedMode()).isEqualTo(ControlMode.ACTIVE);
        }

        @Test
        void theProposerCannotApproveAndAnExpiredProposalCannotBeApproved() {
            globallyPaused().and(ADMIN, new ProposalOpened(GLOBAL_RESUME, "clear", EXPIRY))
                    .when(ADMIN, new ApproveProposal(GLOBAL_RESUME, "me again"))
                    .thenRejected(SECOND_ADMIN_REQUIRED).withMessageContaining("a different admin");
            globallyPaused().and(ADMIN, new ProposalOpened(GLOBAL_RESUME, "clear", NOW.minusSeconds(1)))
                    .when(SECOND_ADMIN, new ApproveProposal(GLOBAL_RESUME, "late"))
                    .thenRejected(INVALID_STATE).withMessageContaining("expired");
            globallyPaused().when(SECOND_ADMIN, new ApproveProposal(GLOBAL_RESUME, "nothing"))
                    .thenRejected(INVALID_STATE).withMessageContaining("no proposal to resume global trading");
        }

        @Test
        void onlyAdminsApproveOrReject() {
            Scenario proposed = globallyPaused().and(ADMIN, new ProposalOpened(GLOBAL_RESUME, "clear", EXPIRY));

            proposed.when(OPERATOR, new ApproveProposal(GLOBAL_RESUME, "x")).thenRejected(FORBIDDEN);
            proposed.when(OPERATOR, new RejectProposal(GLOBAL_RESUME, "x")).thenRejected(FORBIDDEN);
            ControlState after = (ControlState) proposed.when(SECOND_ADMIN, new RejectProposal(GLOBAL_RESUME, "not yet"))
                    .thenEvents(new ProposalRejected(GLOBAL_RESUME, "not yet")).stateAfter();
            assertThat(after.isPausedAt(NOW)).isTrue();
            assertThat(after.proposals().isEmpty()).isTrue();
        }

        @Test
        void aNewGlobalPauseCancelsTheOpenProposal() {
            Scenario proposed = globallyPaused().and(ADMIN, new ProposalOpened(GLOBAL_RESUME, "clear", EXPIRY));

            ControlState after = (ControlState) proposed.when(OPERATOR, new PauseTrading(Scope.global(), "again", null))
                    .thenEvents(new ProposalCancelled(GLOBAL_RESUME, "again")).stateAfter();

            assertThat(after.isPausedAt(NOW)).isTrue();
            assertThat(after.proposals().isEmpty()).isTrue();
        }

        @Test
        void anOpenProposalLapsesThroughAnEventAndAPauseExpiryEndsItToo() {
            Scenario proposed = globallyPaused().and(ADMIN, new ProposalOpened(GLOBAL_RESUME, "clear", EXPIRY));
            ControlState state = (ControlState) proposed.state("global");

            assertThat(PauseExpiry.nextExpiry(state)).isEqualTo(EXPIRY);
            assertThat(PauseExpiry.expire(state, EXPIRY)).containsExactly(new ProposalExpired(GLOBAL_RESUME, EXPIRY));
            ControlState lapsed = ControlEvolver.evolve(state, new RecordedEvent(new EventMeta("system", EXPIRY, "e-1"),
                    new PauseExpired(Scope.global(), EXPIRY)));
            assertThat(lapsed.proposals().isEmpty()).isTrue();
        }

        @Test
        void aPauseThatLapsesByItselfClosesTheOpenProposalThroughAnEvent() {
            Instant pauseEnd = NOW.plus(Duration.ofMinutes(2));
            ControlState state = (ControlState) given(new TradingPaused(Scope.global(), "incident", pauseEnd))
                    .under(BOTH_ON).and(ADMIN, new ProposalOpened(GLOBAL_RESUME, "clear", EXPIRY)).state("global");
            ProposalCancelled closed = new ProposalCancelled(GLOBAL_RESUME,
                    "the global pause expired at " + pauseEnd + "; nothing is left to resume");

            assertThat(PauseExpiry.expire(state, pauseEnd))
                    .containsExactly(new PauseExpired(Scope.global(), pauseEnd), closed);
            // A scan that runs only after the proposal's own expiry emits the same events, not a ProposalExpired.
            assertThat(PauseExpiry.expire(state, EXPIRY.plusSeconds(1)))
                    .containsExactly(new PauseExpired(Scope.global(), pauseEnd), closed);
            ControlState after = (ControlState) given(new TradingPaused(Scope.global(), "incident", pauseEnd))
                    .and(ADMIN, new ProposalOpened(GLOBAL_RESUME, "clear", EXPIRY))
                    .and(ADMIN, new PauseExpired(Scope.global(), pauseEnd)).and(ADMIN, closed).state("global");
            assertThat(after.proposals().isEmpty()).isTrue();
            assertThat(after.pause()).isNull();
        }

        @Test
        void aResumeWhileTheRuleIsOffClosesAProposalOpenedUnderIt() {
            given(new TradingPaused(Scope.global(), "incident", null)).and(ADMIN, new ProposalOpened(GLOBAL_RESUME, "clear", EXPIRY))
                    .when(OPERATOR, new ResumeTrading(Scope.global(), "clear now"))
                    .thenEvents(new TradingResumed(Scope.global(), "clear now"), new ProposalCancelled(GLOBAL_RESUME,
                            "ops-1 did it at once (no second admin is required any more)"));
        }

        @Test
        void withTheRuleOffAResumeTakesEffectAtOnceAndOtherScopesNeverPropose() {
            given(new TradingPaused(Scope.global(), "incident", null))
                    .when(OPERATOR, new ResumeTrading(Scope.global(), "clear"))
                    .thenEvents(new TradingResumed(Scope.global(), "clear"));
            given(new TradingPaused(Scope.tenant("u1"), "incident", null)).under(BOTH_ON)
                    .when(OPERATOR, new ResumeTrading(Scope.tenant("u1"), "clear"))
                    .thenEvents(new TradingResumed(Scope.tenant("u1"), "clear"));
        }
    }

    @Nested
    class MaintenanceOff {

        @Test
        void underTheRuleSwitchingOffOnlyProposesAndASecondAdminApproves() {
            Scenario scenario = maintenanceOn();
            ControlState proposed = (ControlState) scenario.when(ADMIN, new SetMaintenanceMode(false, null, "done"))
                    .thenEvents(new ProposalOpened(MAINTENANCE_OFF, "done", DEFAULT_EXPIRY)).stateAfter();
            assertThat(proposed.isMaintenanceOn()).isTrue();

            scenario.and(ADMIN, new ProposalOpened(MAINTENANCE_OFF, "done", EXPIRY));
            scenario.when(ADMIN, new ApproveProposal(MAINTENANCE_OFF, "me")).thenRejected(SECOND_ADMIN_REQUIRED);
            ControlState after = (ControlState) scenario.when(SECOND_ADMIN, new ApproveProposal(MAINTENANCE_OFF, "ok"))
                    .thenEvents(new MaintenanceModeChanged(false, null, "ok")).stateAfter();
            assertThat(after.isMaintenanceOn()).isFalse();
            assertThat(after.proposals().isEmpty()).isTrue();
        }

        @Test
        void maintenanceOnAgainCancelsTheOpenProposal() {
            Scenario proposed = maintenanceOn().and(ADMIN, new ProposalOpened(MAINTENANCE_OFF, "done", EXPIRY));

            proposed.when(SECOND_ADMIN, new SetMaintenanceMode(true, "upgrade", "not yet"))
                    .thenEvents(new ProposalCancelled(MAINTENANCE_OFF, "not yet"));
            proposed.when(SECOND_ADMIN, new SetMaintenanceMode(true, "longer upgrade", "more"))
                    .thenEvents(new MaintenanceModeChanged(true, "longer upgrade", "more"),
                            new ProposalCancelled(MAINTENANCE_OFF, "more"));
        }

        @Test
        void aSecondProposalWhileOneIsOpenIsRefused() {
            maintenanceOn().and(ADMIN, new ProposalOpened(MAINTENANCE_OFF, "done", EXPIRY))
                    .when(SECOND_ADMIN, new SetMaintenanceMode(false, null, "me too"))
                    .thenRejected(INVALID_STATE).withMessageContaining("awaits a second admin");
        }

        @Test
        void withTheRuleOffMaintenanceOffTakesEffectAtOnce() {
            given(new MaintenanceModeChanged(true, "upgrade", "planned"))
                    .when(ADMIN, new SetMaintenanceMode(false, null, "done"))
                    .thenEvents(new MaintenanceModeChanged(false, null, "done"));
        }

        @Test
        void switchingOffWhileTheRuleIsOffClosesAProposalOpenedUnderItAsExpiredWhenItHadLapsed() {
            given(new MaintenanceModeChanged(true, "upgrade", "planned"))
                    .and(ADMIN, new ProposalOpened(MAINTENANCE_OFF, "done", NOW.minusSeconds(1)))
                    .when(ADMIN, new SetMaintenanceMode(false, null, "done"))
                    .thenEvents(new MaintenanceModeChanged(false, null, "done"),
                            new ProposalExpired(MAINTENANCE_OFF, NOW.minusSeconds(1)));
        }
    }

    @Test
    void theProposingCommandMayNameTheProposalsTimeToLiveWithinTheSameBoundsAsTheKillSwitchRelease() {
        globallyPaused().when(OPERATOR, new ResumeTrading(Scope.global(), "clear", EXPIRY))
                .thenEvents(new ProposalOpened(GLOBAL_RESUME, "clear", EXPIRY));
        maintenanceOn().when(ADMIN, new SetMaintenanceMode(false, null, "done", NOW.plus(Duration.ofHours(1))))
                .thenEvents(new ProposalOpened(MAINTENANCE_OFF, "done", NOW.plus(Duration.ofHours(1))));

        Instant tooLate = NOW.plus(Duration.ofHours(1)).plusSeconds(1);
        globallyPaused().when(OPERATOR, new ResumeTrading(Scope.global(), "clear", tooLate))
                .thenRejected(VALIDATION_FAILED).withMessageContaining("at most 60 minutes")
                .withMessageContaining("proposalExpiresAt");
        maintenanceOn().when(ADMIN, new SetMaintenanceMode(false, null, "done", NOW))
                .thenRejected(VALIDATION_FAILED).withMessageContaining("proposalExpiresAt")
                .withMessageContaining("is not after");
        // Only a command a rule may cover names one; with its rule off it is accepted and unused.
        given(new TradingPaused(Scope.tenant("u1"), "incident", null)).under(BOTH_ON)
                .when(OPERATOR, new ResumeTrading(Scope.tenant("u1"), "clear", EXPIRY))
                .thenRejected(VALIDATION_FAILED).withMessageContaining("proposalExpiresAt");
        given().under(BOTH_ON).when(ADMIN, new SetMaintenanceMode(true, "upgrade", "planned", EXPIRY))
                .thenRejected(VALIDATION_FAILED).withMessageContaining("proposalExpiresAt");
        given(new TradingPaused(Scope.global(), "incident", null))
                .when(OPERATOR, new ResumeTrading(Scope.global(), "clear", EXPIRY))
                .thenEvents(new TradingResumed(Scope.global(), "clear"));
    }

    @Test
    void bothRulesAreAdminOnlyConfigKeysThatAreOffByDefault() {
        for (ProposalAction action : EnumSet.of(GLOBAL_RESUME, MAINTENANCE_OFF)) {
            ConfigKeyDefinition key = Scenario.domain().catalogue().find(action.configKey()).orElseThrow();

            assertThat(key.defaultValue()).isEqualTo(ConfigValue.of(false));
            assertThat(key.changeRoles()).containsExactly(Role.ADMIN);
            assertThat(TwoPersonRule.DEFAULT.requires(action)).isFalse();
            assertThat(TwoPersonRule.DEFAULT.with(action, ConfigValue.of(true)).requires(action)).isTrue();
            given().when(OPERATOR, new UpdateConfig(action.configKey(), ConfigValue.of(true), "x")).thenRejected(FORBIDDEN);
        }
    }
}
