package com.tradingcontrol.domain.control;

import com.tradingcontrol.domain.ApproveProposal;
import com.tradingcontrol.domain.EngageKillSwitch;
import com.tradingcontrol.domain.ProposalOpened;
import com.tradingcontrol.domain.KillSwitchEngaged;
import com.tradingcontrol.domain.KillSwitchReleased;
import com.tradingcontrol.domain.MaintenanceModeChanged;
import com.tradingcontrol.domain.PauseTrading;
import com.tradingcontrol.domain.ReleaseKillSwitch;
import com.tradingcontrol.domain.ResumeTrading;
import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.domain.SetMaintenanceMode;
import com.tradingcontrol.domain.TradingPaused;
import com.tradingcontrol.domain.TradingResumed;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.tradingcontrol.domain.ProposalAction.KILL_SWITCH_RELEASE;
import static com.tradingcontrol.domain.RejectionCode.FORBIDDEN;
import static com.tradingcontrol.domain.RejectionCode.INVALID_STATE;
import static com.tradingcontrol.domain.RejectionCode.VALIDATION_FAILED;
import static com.tradingcontrol.domain.RejectionCode.VERSION_CONFLICT;
import static com.tradingcontrol.domain.Scenario.ADMIN;
import static com.tradingcontrol.domain.Scenario.AUDITOR;
import static com.tradingcontrol.domain.Scenario.CUSTOMER_U1;
import static com.tradingcontrol.domain.Scenario.NOW;
import static com.tradingcontrol.domain.Scenario.OPERATOR;
import static com.tradingcontrol.domain.Scenario.given;
import static org.assertj.core.api.Assertions.assertThat;

class TradingControlTest {

    private static final Scope TENANT = Scope.tenant("u1");
    private static final Instant IN_ONE_HOUR = NOW.plus(Duration.ofHours(1));
    private static final Instant IN_TWO_HOURS = NOW.plus(Duration.ofHours(2));

    @Nested
    class Pause {
        @Test
        void operatorPausesATenant() {
            given().when(OPERATOR, new PauseTrading(TENANT, "suspicious fills", null))
                    .thenEvents(new TradingPaused(TENANT, "suspicious fills", null));
        }

        @Test
        void pauseIsRecordedWithWhoWhenAndWhy() {
            ControlState after = (ControlState) given()
                    .when(OPERATOR, new PauseTrading(TENANT, "suspicious fills", IN_ONE_HOUR))
                    .stateAfter();

            assertThat(after.version()).isEqualTo(1);
            assertThat(after.pause().setBy().actorSubject()).isEqualTo("ops-1");
            assertThat(after.pause().setBy().at()).isEqualTo(NOW);
            assertThat(after.pause().setBy().reason()).isEqualTo("suspicious fills");
            assertThat(after.pause().expiresAt()).isEqualTo(IN_ONE_HOUR);
        }

        @Test
        void customersAndAuditorsMayNotPause() {
            given().when(CUSTOMER_U1, new PauseTrading(TENANT, "r", null)).thenRejected(FORBIDDEN)
                    .withMessageContaining("may not pause trading");
            given().when(AUDITOR, new PauseTrading(Scope.global(), "r", null)).thenRejected(FORBIDDEN);
        }

        @Test
        void blankReasonOrMissingScopeIsRejected() {
            given().when(new PauseTrading(TENANT, "  ", null)).thenRejected(VALIDATION_FAILED)
                    .withMessageContaining("reason must not be empty");
            given().when(new PauseTrading(null, "r", null)).thenRejected(VALIDATION_FAILED)
                    .withMessageContaining("scope is required");
        }

        @Test
        void aStrategyPauseMustNameItsTenantButALegacyOneCanStillBeLifted() {
            Scope legacy = Scope.legacyStrategy("pb1");
            given().when(OPERATOR, new PauseTrading(legacy, "risk breach", null)).thenRejected(VALIDATION_FAILED)
                    .withMessageContaining("strategy:<tenantId>:pb1");
            given(new TradingPaused(legacy, "written before strategy scopes named their tenant", null))
                    .when(OPERATOR, new ResumeTrading(legacy, "lifting the legacy pause"))
                    .thenEvents(new TradingResumed(legacy, "lifting the legacy pause"));
            Scope strategy = Scope.strategy("tenant-b", "pb1");
            given().when(OPERATOR, new PauseTrading(strategy, "risk breach", null))
                    .thenEvents(new TradingPaused(strategy, "risk breach", null));
        }

        @Test
        void expiryMustBeAfterIssuedAt() {
            given().when(new PauseTrading(TENANT, "r", NOW)).thenRejected(VALIDATION_FAILED)
                    .withMessageContaining("expiresAt");
            given().when(new PauseTrading(TENANT, "r", NOW.minusSeconds(1))).thenRejected(VALIDATION_FAILED);
        }

        @Test
        void pausingAgainWithTheSameExpiryIsANoOp() {
            given(new TradingPaused(TENANT, "first", null))
                    .when(new PauseTrading(TENANT, "again", null))
                    .thenNoOp("tenant:u1 is already paused by admin-1");
        }

        @Test
        void aPauseCanBeExtended() {
            given(new TradingPaused(TENANT, "first", IN_ONE_HOUR))
                    .when(new PauseTrading(TENANT, "longer", IN_TWO_HOURS))
                    .thenEvents(new TradingPaused(TENANT, "longer", IN_TWO_HOURS))
                    .withNote("pause on tenant:u1 extended until " + IN_TWO_HOURS);
            given(new TradingPaused(TENANT, "first", IN_ONE_HOUR))
                    .when(new PauseTrading(TENANT, "until further notice", null))
                    .thenEvents(new TradingPaused(TENANT, "until further notice", null));
        }

        @Test
        void aPauseCannotBeShortenedByPausingAgain() {
            given(new TradingPaused(TENANT, "incident", null))
                    .when(OPERATOR, new PauseTrading(TENANT, "short one", IN_ONE_HOUR))
                    .thenRejected(INVALID_STATE).withMessageContaining("resume explicitly");
            given(new TradingPaused(TENANT, "incident", IN_TWO_HOURS))
                    .when(new PauseTrading(TENANT, "short one", IN_ONE_HOUR))
                    .thenRejected(INVALID_STATE);
        }

        @Test
        void anExpiredButNotYetFoldedPauseDoesNotBlockANewPause() {
            Instant alreadyPast = NOW.minusSeconds(60);
            given(new TradingPaused(TENANT, "old", alreadyPast))
                    .when(new PauseTrading(TENANT, "new", IN_ONE_HOUR))
                    .thenEvents(new TradingPaused(TENANT, "new", IN_ONE_HOUR));
        }

        @Test
        void staleExpectedVersionIsAConflict() {
            given(new TradingPaused(TENANT, "a", null), new TradingResumed(TENANT, "b"))
                    .whenExpecting(1, OPERATOR, new PauseTrading(TENANT, "c", null))
                    .thenRejected(VERSION_CONFLICT)
                    .withMessageContaining("expected version 1 but tenant:u1 is at version 2");
            given(new TradingPaused(TENANT, "a", null), new TradingResumed(TENANT, "b"))
                    .whenExpecting(2, OPERATOR, new PauseTrading(TENANT, "c", null))
                    .thenEvents(new TradingPaused(TENANT, "c", null));
        }
    }

    @Nested
    class Resume {
        @Test
        void operatorResumesAPausedScope() {
            ControlState after = (ControlState) given(new TradingPaused(TENANT, "x", null))
                    .when(OPERATOR, new ResumeTrading(TENANT, "all clear"))
                    .thenEvents(new TradingResumed(TENANT, "all clear"))
                    .withNote(null)
                    .stateAfter();
            assertThat(after.pause()).isNull();
            assertThat(after.version()).isEqualTo(2);
        }

        @Test
        void resumingWhenNotPausedIsANoOp() {
            given().when(OPERATOR, new ResumeTrading(TENANT, "r")).thenNoOp("not paused");
        }

        @Test
        void resumingWhileTheKillSwitchIsEngagedSaysTradingStaysHalted() {
            given(new KillSwitchEngaged("incident"), new TradingPaused(TENANT, "x", null))
                    .when(new ResumeTrading(TENANT, "done"))
                    .thenEvents(new TradingResumed(TENANT, "done"))
                    .withNote("kill switch engaged: effective mode stays HALTED");
        }

        @Test
        void resumingAGlobalPauseDuringMaintenanceSaysTradingStaysPaused() {
            given(new MaintenanceModeChanged(true, "upgrade", "planned"), new TradingPaused(Scope.global(), "x", null))
                    .when(new ResumeTrading(Scope.global(), "done"))
                    .thenEvents(new TradingResumed(Scope.global(), "done"))
                    .withNote("maintenance mode on: effective mode stays PAUSED");
        }

        @Test
        void customersMayNotResume() {
            given(new TradingPaused(TENANT, "x", null)).when(CUSTOMER_U1, new ResumeTrading(TENANT, "r"))
                    .thenRejected(FORBIDDEN);
        }
    }

    @Nested
    class KillSwitch {
        @Test
        void operatorEngagesTheKillSwitchOnTheGlobalAggregate() {
            ControlState after = (ControlState) given().when(OPERATOR, new EngageKillSwitch("market chaos"))
                    .thenEvents(new KillSwitchEngaged("market chaos"))
                    .stateAfter();
            assertThat(after.scope()).isEqualTo(Scope.global());
            assertThat(after.killSwitch().engagedBy().actorSubject()).isEqualTo("ops-1");
        }

        @Test
        void engagingAnEngagedKillSwitchIsANoOp() {
            given(new KillSwitchEngaged("first")).when(OPERATOR, new EngageKillSwitch("second"))
                    .thenNoOp("kill switch already engaged by admin-1");
        }

        @Test
        void onlyAnAdminReleasesTheKillSwitch() {
            given(new KillSwitchEngaged("x")).when(OPERATOR, new ReleaseKillSwitch("ok"))
                    .thenRejected(FORBIDDEN).withMessageContaining("requires one of [ADMIN]");
            given(new KillSwitchEngaged("x")).when(ADMIN, new ReleaseKillSwitch("ok"))
                    .thenEvents(new ProposalOpened(KILL_SWITCH_RELEASE, "ok", NOW.plus(Duration.ofMinutes(10))));
        }

        @Test
        void releasingAKillSwitchThatIsNotEngagedIsANoOp() {
            given().when(new ReleaseKillSwitch("ok")).thenNoOp("kill switch is not engaged");
        }

        @Test
        void releasingWhileGloballyPausedSaysTradingStaysPaused() {
            given(new TradingPaused(Scope.global(), "x", null), new KillSwitchEngaged("y"),
                    new ProposalOpened(KILL_SWITCH_RELEASE, "ok", NOW.plusSeconds(60)))
                    .when(TwoPersonReleaseTest.SECOND_ADMIN, new ApproveProposal(KILL_SWITCH_RELEASE, "ok"))
                    .thenEvents(new KillSwitchReleased("ok"))
                    .withNote("trading paused on global: effective mode stays PAUSED");
        }

        @Test
        void reasonIsRequired() {
            given().when(new EngageKillSwitch("")).thenRejected(VALIDATION_FAILED);
            given(new KillSwitchEngaged("x")).when(new ReleaseKillSwitch(null)).thenRejected(VALIDATION_FAILED);
        }
    }

    @Nested
    class Maintenance {
        @Test
        void adminSwitchesMaintenanceOnWithAMessage() {
            ControlState after = (ControlState) given()
                    .when(new SetMaintenanceMode(true, "Back at 10:00 UTC", "db upgrade"))
                    .thenEvents(new MaintenanceModeChanged(true, "Back at 10:00 UTC", "db upgrade"))
                    .stateAfter();
            assertThat(after.maintenance().message()).isEqualTo("Back at 10:00 UTC");
        }

        @Test
        void changingTheMessageEmitsAnEventAndTheSameMessageIsANoOp() {
            given(new MaintenanceModeChanged(true, "old", "r"))
                    .when(new SetMaintenanceMode(true, "new", "r2"))
                    .thenEvents(new MaintenanceModeChanged(true, "new", "r2"));
            given(new MaintenanceModeChanged(true, "same", "r"))
                    .when(new SetMaintenanceMode(true, "same", "r2"))
                    .thenNoOp("already on");
        }

        @Test
        void switchingOffDropsTheMessageAndOffWhenOffIsANoOp() {
            given(new MaintenanceModeChanged(true, "m", "r"))
                    .when(new SetMaintenanceMode(false, "ignored", "done"))
                    .thenEvents(new MaintenanceModeChanged(false, null, "done"));
            given().when(new SetMaintenanceMode(false, null, "done")).thenNoOp("already off");
        }

        @Test
        void maintenanceIsAdminOnlyAndNeedsAMessage() {
            given().when(OPERATOR, new SetMaintenanceMode(true, "m", "r")).thenRejected(FORBIDDEN);
            given().when(new SetMaintenanceMode(true, " ", "r")).thenRejected(VALIDATION_FAILED)
                    .withMessageContaining("message must not be empty");
        }
    }
}
