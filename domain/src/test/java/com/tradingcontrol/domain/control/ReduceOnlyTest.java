package com.tradingcontrol.domain.control;

import com.tradingcontrol.domain.ControlMode;
import com.tradingcontrol.domain.EventMeta;
import com.tradingcontrol.domain.KillSwitchEngaged;
import com.tradingcontrol.domain.LiftReduceOnly;
import com.tradingcontrol.domain.PauseExpired;
import com.tradingcontrol.domain.RecordedEvent;
import com.tradingcontrol.domain.ReduceOnlyExpired;
import com.tradingcontrol.domain.ReduceOnlyLifted;
import com.tradingcontrol.domain.ReduceOnlySet;
import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.domain.SetReduceOnly;
import com.tradingcontrol.domain.TradingPaused;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.tradingcontrol.domain.RejectionCode.FORBIDDEN;
import static com.tradingcontrol.domain.RejectionCode.INVALID_STATE;
import static com.tradingcontrol.domain.RejectionCode.VALIDATION_FAILED;
import static com.tradingcontrol.domain.Scenario.ADMIN;
import static com.tradingcontrol.domain.Scenario.AUDITOR;
import static com.tradingcontrol.domain.Scenario.CUSTOMER_U1;
import static com.tradingcontrol.domain.Scenario.NOW;
import static com.tradingcontrol.domain.Scenario.OPERATOR;
import static com.tradingcontrol.domain.Scenario.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Reduce-only ("close positions, open none"): set, lift and lapse, given/when/then like TradingControlTest. */
class ReduceOnlyTest {

    private static final Scope TENANT = Scope.tenant("u1");
    private static final Instant IN_ONE_HOUR = NOW.plus(Duration.ofHours(1));
    private static final Instant IN_TWO_HOURS = NOW.plus(Duration.ofHours(2));

    @Nested
    class Set {
        @Test
        void operatorsAndAdminsSetReduceOnlyWithWhoWhenWhyAndExpiry() {
            given().when(ADMIN, new SetReduceOnly(TENANT, "margin call", null))
                    .thenEvents(new ReduceOnlySet(TENANT, "margin call", null));
            ControlState after = (ControlState) given()
                    .when(OPERATOR, new SetReduceOnly(TENANT, "margin call", IN_ONE_HOUR))
                    .thenEvents(new ReduceOnlySet(TENANT, "margin call", IN_ONE_HOUR))
                    .stateAfter();

            assertThat(after.version()).isEqualTo(1);
            assertThat(after.reduceOnly().setBy().actorSubject()).isEqualTo("ops-1");
            assertThat(after.reduceOnly().setBy().at()).isEqualTo(NOW);
            assertThat(after.reduceOnly().setBy().reason()).isEqualTo("margin call");
            assertThat(after.reduceOnly().expiresAt()).isEqualTo(IN_ONE_HOUR);
            assertThat(after.pause()).isNull();
        }

        @Test
        void customersAndAuditorsMayNotSetIt() {
            given().when(CUSTOMER_U1, new SetReduceOnly(TENANT, "r", null)).thenRejected(FORBIDDEN)
                    .withMessageContaining("may not set reduce-only");
            given().when(AUDITOR, new SetReduceOnly(Scope.global(), "r", null)).thenRejected(FORBIDDEN);
        }

        @Test
        void reasonScopeExpiryAndTenantQualifiedStrategyAreValidatedLikeAPause() {
            given().when(new SetReduceOnly(TENANT, " ", null)).thenRejected(VALIDATION_FAILED)
                    .withMessageContaining("reason must not be empty");
            given().when(new SetReduceOnly(null, "r", null)).thenRejected(VALIDATION_FAILED)
                    .withMessageContaining("scope is required");
            given().when(new SetReduceOnly(TENANT, "r", NOW)).thenRejected(VALIDATION_FAILED)
                    .withMessageContaining("expiresAt");
            given().when(OPERATOR, new SetReduceOnly(Scope.legacyStrategy("pb1"), "r", null))
                    .thenRejected(VALIDATION_FAILED).withMessageContaining("strategy:<tenantId>:pb1");
        }

        @Test
        void settingAgainIsANoOpItCanBeExtendedButNotShortened() {
            given(new ReduceOnlySet(TENANT, "first", null))
                    .when(new SetReduceOnly(TENANT, "again", null))
                    .thenNoOp("tenant:u1 is already reduce-only by admin-1");
            given(new ReduceOnlySet(TENANT, "first", IN_ONE_HOUR))
                    .when(new SetReduceOnly(TENANT, "longer", IN_TWO_HOURS))
                    .thenEvents(new ReduceOnlySet(TENANT, "longer", IN_TWO_HOURS))
                    .withNote("reduce-only on tenant:u1 extended until " + IN_TWO_HOURS);
            given(new ReduceOnlySet(TENANT, "first", null))
                    .when(OPERATOR, new SetReduceOnly(TENANT, "short", IN_ONE_HOUR))
                    .thenRejected(INVALID_STATE).withMessageContaining("lift it explicitly");
        }

        @Test
        void reduceOnlyAndAPauseOnOneScopeAreIndependent() {
            ControlState after = (ControlState) given(new TradingPaused(TENANT, "incident", null))
                    .when(new SetReduceOnly(TENANT, "wind down", null))
                    .thenEvents(new ReduceOnlySet(TENANT, "wind down", null))
                    .stateAfter();
            assertThat(after.pause()).isNotNull();
            assertThat(after.reduceOnly()).isNotNull();
        }
    }

    @Nested
    class Lift {
        @Test
        void operatorsLiftItAsTheyResume() {
            ControlState after = (ControlState) given(new ReduceOnlySet(TENANT, "x", null))
                    .when(OPERATOR, new LiftReduceOnly(TENANT, "all clear"))
                    .thenEvents(new ReduceOnlyLifted(TENANT, "all clear"))
                    .withNote(null)
                    .stateAfter();
            assertThat(after.reduceOnly()).isNull();
            assertThat(after.version()).isEqualTo(2);
        }

        @Test
        void liftingWhenNotReduceOnlyIsANoOpAndCustomersMayNotLift() {
            given().when(OPERATOR, new LiftReduceOnly(TENANT, "r")).thenNoOp("not reduce-only");
            given(new ReduceOnlySet(TENANT, "x", null)).when(CUSTOMER_U1, new LiftReduceOnly(TENANT, "r"))
                    .thenRejected(FORBIDDEN);
            given(new ReduceOnlySet(TENANT, "x", null)).when(OPERATOR, new LiftReduceOnly(TENANT, ""))
                    .thenRejected(VALIDATION_FAILED);
        }

        @Test
        void liftingLeavesAPauseInPlaceAndSaysSo() {
            given(new TradingPaused(TENANT, "incident", null), new ReduceOnlySet(TENANT, "x", null))
                    .when(new LiftReduceOnly(TENANT, "done"))
                    .thenEvents(new ReduceOnlyLifted(TENANT, "done"))
                    .withNote("trading paused on tenant:u1: effective mode stays PAUSED");
            given(new KillSwitchEngaged("incident"), new ReduceOnlySet(TENANT, "x", null))
                    .when(new LiftReduceOnly(TENANT, "done"))
                    .withNote("kill switch engaged: effective mode stays HALTED");
        }
    }

    @Nested
    class Expiry {
        @Test
        void aTimedReduceOnlyLapsesThroughAnEventAndOnlyOnce() {
            ControlState set = (ControlState) given(new ReduceOnlySet(TENANT, "cool-off", IN_ONE_HOUR))
                    .state("tenant:u1");
            assertThat(PauseExpiry.expire(set, IN_ONE_HOUR.minusMillis(1))).isEmpty();
            assertThat(PauseExpiry.expire(set, IN_ONE_HOUR)).containsExactly(new ReduceOnlyExpired(TENANT, IN_ONE_HOUR));

            ControlState after = ControlEvolver.evolve(set, new RecordedEvent(
                    new EventMeta("system", IN_ONE_HOUR, "expiry-1"), new ReduceOnlyExpired(TENANT, IN_ONE_HOUR)));
            assertThat(after.reduceOnly()).isNull();
            assertThat(PauseExpiry.expire(after, IN_TWO_HOURS)).isEmpty();
        }

        @Test
        void aPauseAndAReduceOnlyLapseTogetherAndTheEarliestIsTheNextExpiry() {
            ControlState both = (ControlState) given(new TradingPaused(TENANT, "p", IN_TWO_HOURS),
                    new ReduceOnlySet(TENANT, "r", IN_ONE_HOUR)).state("tenant:u1");
            assertThat(PauseExpiry.nextExpiry(both)).isEqualTo(IN_ONE_HOUR);
            assertThat(PauseExpiry.expire(both, IN_TWO_HOURS)).containsExactly(
                    new PauseExpired(TENANT, IN_TWO_HOURS), new ReduceOnlyExpired(TENANT, IN_ONE_HOUR));
            ControlState indefinite = (ControlState) given(new ReduceOnlySet(TENANT, "r", null)).state("tenant:u1");
            assertThat(PauseExpiry.nextExpiry(indefinite)).isNull();
        }

        @Test
        void anExpiredButNotYetFoldedReduceOnlyNoLongerRestrictsNorBlocksANewOne() {
            Instant past = NOW.minusSeconds(60);
            given(new ReduceOnlySet(TENANT, "old", past))
                    .when(new SetReduceOnly(TENANT, "new", IN_ONE_HOUR))
                    .thenEvents(new ReduceOnlySet(TENANT, "new", IN_ONE_HOUR));
            EffectiveMode mode = EffectiveModeCalculator.effective(
                    given(new ReduceOnlySet(TENANT, "old", past)).view(), "u1", null, null, NOW);
            assertThat(mode.mode()).isEqualTo(ControlMode.ACTIVE);
        }
    }
}
