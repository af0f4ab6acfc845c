package com.tradingcontrol.domain.control;

import com.tradingcontrol.domain.ControlMode;
import com.tradingcontrol.domain.InvalidScopeException;
import com.tradingcontrol.domain.KillSwitchEngaged;
import com.tradingcontrol.domain.MaintenanceModeChanged;
import com.tradingcontrol.domain.ReduceOnlySet;
import com.tradingcontrol.domain.Scenario;
import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.domain.TradingPaused;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static com.tradingcontrol.domain.Scenario.NOW;
import static com.tradingcontrol.domain.Scenario.OPERATOR;
import static com.tradingcontrol.domain.Scenario.T0;
import static com.tradingcontrol.domain.Scenario.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class EffectiveModeCalculatorTest {

    private static EffectiveMode effective(Scenario scenario, String tenant, String profile, String symbol) {
        return EffectiveModeCalculator.effective(scenario.view(), tenant, profile, symbol, NOW);
    }

    @Test
    void nothingSetMeansActiveWithoutCauses() {
        EffectiveMode mode = effective(given(), "u1", "p1", "AAPL");

        assertThat(mode.mode()).isEqualTo(ControlMode.ACTIVE);
        assertThat(mode.maintenance()).isFalse();
        assertThat(mode.causes()).isEmpty();
        assertThat(mode.staysRestrictedNote()).isNull();
    }

    @Test
    void aPauseOnAnyMatchingScopeApplies() {
        Scenario scenario = given(new TradingPaused(Scope.symbol("AAPL"), "halted by exchange", null));

        assertThat(effective(scenario, "u1", "p1", "aapl").mode()).isEqualTo(ControlMode.PAUSED);
        assertThat(effective(scenario, "u1", "p1", "MSFT").mode()).isEqualTo(ControlMode.ACTIVE);
        assertThat(effective(scenario, "u1", "p1", null).mode()).isEqualTo(ControlMode.ACTIVE);
    }

    @Test
    void otherTenantsAndStrategiesDoNotApply() {
        Scenario scenario = given(new TradingPaused(Scope.tenant("u2"), "x", null),
                new TradingPaused(Scope.strategy("u1", "p9"), "y", null));

        assertThat(effective(scenario, "u1", "p1", "AAPL").mode()).isEqualTo(ControlMode.ACTIVE);
        assertThat(effective(scenario, "u2", "p1", "AAPL").mode()).isEqualTo(ControlMode.PAUSED);
        assertThat(effective(scenario, "u1", "p9", "AAPL").mode()).isEqualTo(ControlMode.PAUSED);
    }

    @Test
    void aStrategyPauseAppliesOnlyToThatTenantsProfileOfThatId() {
        Scenario scenario = given(new TradingPaused(Scope.strategy("tenant-b", "pb1"), "tenant-b strategy pb1 risk breach",
                null));

        assertThat(effective(scenario, "tenant-b", "pb1", null).mode()).isEqualTo(ControlMode.PAUSED);
        EffectiveMode otherTenant = effective(scenario, "tenant-a", "pb1", null);
        assertThat(otherTenant.mode()).isEqualTo(ControlMode.ACTIVE);
        assertThat(otherTenant.causes()).isEmpty();
    }

    @Test
    void aLegacyStrategyPauseKeepsRestrictingThatProfileIdInEveryTenant() {
        // Written before strategy scopes named their tenant: whose it was is unknown, and a halt is
        // never lifted by reinterpreting the log.
        Scenario scenario = given(new TradingPaused(Scope.legacyStrategy("p9"), "old", null));

        assertThat(effective(scenario, "u1", "p9", null).mode()).isEqualTo(ControlMode.PAUSED);
        assertThat(effective(scenario, "u2", "p9", null).causes()).extracting(Cause::scope)
                .containsExactly(Scope.parse("strategy:p9"));
        assertThat(effective(scenario, "u1", "p8", null).mode()).isEqualTo(ControlMode.ACTIVE);
    }

    @Test
    void aDisabledProfileMayOnlyReduceAndTheCauseSaysWhoDisabledIt() {
        Instant at = NOW.minusSeconds(60);
        ProfileLookup profiles = (tenant, profile) -> profile.equals("p1")
                ? Optional.of(new ProfileLookup.ProfileStatus(false, "user-u1", at, "taking a break"))
                : Optional.of(new ProfileLookup.ProfileStatus(true, "user-u1", at, "go"));

        EffectiveMode disabled = EffectiveModeCalculator.effective(given().view(), profiles, "u1", "p1", "AAPL", NOW);
        EffectiveMode enabled = EffectiveModeCalculator.effective(given().view(), profiles, "u1", "p2", "AAPL", NOW);

        assertThat(disabled.mode()).isEqualTo(ControlMode.REDUCE_ONLY);
        assertThat(disabled.causes()).extracting(Cause::scope, Cause::kind, Cause::setBy, Cause::setAt, Cause::reason)
                .containsExactly(tuple(Scope.strategy("u1", "p1"), Cause.Kind.PROFILE_DISABLED, "user-u1", at,
                        "taking a break"));
        assertThat(disabled.staysRestrictedNote()).isEqualTo("profile p1 disabled: effective mode stays REDUCE_ONLY");
        assertThat(enabled.mode()).isEqualTo(ControlMode.ACTIVE);
        assertThat(enabled.causes()).isEmpty();
    }

    @Test
    void anUnknownProfileMayOnlyReduceAndAStricterControlStillComesFirst() {
        Scenario paused = given(new TradingPaused(Scope.tenant("u1"), "margin call", null));

        EffectiveMode mode = EffectiveModeCalculator.effective(paused.view(), (t, p) -> Optional.empty(), "u1", "p7",
                null, NOW);

        assertThat(mode.mode()).isEqualTo(ControlMode.PAUSED);
        assertThat(mode.causes()).extracting(Cause::kind).containsExactly(Cause.Kind.PAUSE, Cause.Kind.PROFILE_UNKNOWN);
        assertThat(mode.causes().get(1).mode()).isEqualTo(ControlMode.REDUCE_ONLY);
        assertThat(mode.causes().get(1).describe()).isEqualTo("profile p7 unknown in tenant u1");
    }

    @Test
    void withoutAProfileTheProfileStateIsNotConsulted() {
        EffectiveMode mode = EffectiveModeCalculator.effective(given().view(), (t, p) -> {
            throw new AssertionError("no profile was asked about");
        }, "u1", null, "AAPL", NOW);

        assertThat(mode.mode()).isEqualTo(ControlMode.ACTIVE);
    }

    @Test
    void aProfileWithoutItsTenantIsRefused() {
        assertThatThrownBy(() -> effective(given(), null, "p1", null))
                .isInstanceOf(InvalidScopeException.class).hasMessageContaining("tenant");
    }

    @Test
    void killSwitchWinsAndEveryApplyingControlIsExplainedMostRestrictiveFirst() {
        Instant expiry = NOW.plus(Duration.ofHours(3));
        Scenario scenario = given(new TradingPaused(Scope.tenant("u1"), "margin call", expiry))
                .and(OPERATOR, new KillSwitchEngaged("exchange outage"))
                .and(Scenario.ADMIN, new TradingPaused(Scope.strategy("u1", "p1"), "bad parameters", null));

        EffectiveMode mode = effective(scenario, "u1", "p1", "AAPL");

        assertThat(mode.mode()).isEqualTo(ControlMode.HALTED);
        assertThat(mode.causes())
                .extracting(Cause::scope, Cause::kind, Cause::mode, Cause::setBy, Cause::setAt, Cause::reason,
                        Cause::expiresAt)
                .containsExactly(
                        tuple(Scope.global(), Cause.Kind.KILL_SWITCH, ControlMode.HALTED, "ops-1",
                                T0.plus(Duration.ofMinutes(1)), "exchange outage", null),
                        tuple(Scope.tenant("u1"), Cause.Kind.PAUSE, ControlMode.PAUSED, "admin-1",
                                T0, "margin call", expiry),
                        tuple(Scope.strategy("u1", "p1"), Cause.Kind.PAUSE, ControlMode.PAUSED, "admin-1",
                                T0.plus(Duration.ofMinutes(2)), "bad parameters", null));
        assertThat(mode.causes()).allSatisfy(c -> assertThat(c.commandId()).startsWith("given-"));
        assertThat(mode.staysRestrictedNote()).isEqualTo("kill switch engaged: effective mode stays HALTED");
    }

    @Test
    void maintenancePausesTradingButNeverOverridesAHalt() {
        Scenario maintenanceOnly = given(new MaintenanceModeChanged(true, "Back at 10:00", "upgrade"));
        EffectiveMode mode = effective(maintenanceOnly, "u1", null, null);

        assertThat(mode.mode()).isEqualTo(ControlMode.PAUSED);
        assertThat(mode.maintenance()).isTrue();
        assertThat(mode.causes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Cause.Kind.MAINTENANCE);
            assertThat(c.message()).isEqualTo("Back at 10:00");
            assertThat(c.reason()).isEqualTo("upgrade");
        });

        Scenario both = given(new MaintenanceModeChanged(true, "m", "upgrade"), new KillSwitchEngaged("outage"));
        assertThat(effective(both, "u1", null, null).mode()).isEqualTo(ControlMode.HALTED);
        assertThat(effective(both, "u1", null, null).maintenance()).isTrue();
    }

    @Test
    void anExpiredPauseNoLongerAppliesEvenBeforeItsExpiryEventIsFolded() {
        Scenario scenario = given(new TradingPaused(Scope.tenant("u1"), "short", NOW.minusSeconds(1)));

        assertThat(effective(scenario, "u1", null, null).mode()).isEqualTo(ControlMode.ACTIVE);
        assertThat(EffectiveModeCalculator.effective(scenario.view(), "u1", null, null, NOW.minusSeconds(2)).mode())
                .isEqualTo(ControlMode.PAUSED);
    }

    @Test
    void reduceOnlyRestrictsToReducingAndExplainsWhoWhenWhyAndUntilWhen() {
        Instant expiry = NOW.plus(Duration.ofHours(1));
        Scenario scenario = given(new ReduceOnlySet(Scope.strategy("u1", "p1"), "drawdown limit", expiry));

        EffectiveMode mode = effective(scenario, "u1", "p1", "AAPL");

        assertThat(mode.mode()).isEqualTo(ControlMode.REDUCE_ONLY);
        assertThat(mode.causes())
                .extracting(Cause::scope, Cause::kind, Cause::mode, Cause::setBy, Cause::setAt, Cause::reason,
                        Cause::expiresAt)
                .containsExactly(tuple(Scope.strategy("u1", "p1"), Cause.Kind.REDUCE_ONLY, ControlMode.REDUCE_ONLY,
                        "admin-1", T0, "drawdown limit", expiry));
        assertThat(mode.staysRestrictedNote()).isEqualTo("reduce-only on strategy:u1:p1: effective mode stays REDUCE_ONLY");
        assertThat(effective(scenario, "u2", "p1", "AAPL").mode()).isEqualTo(ControlMode.ACTIVE);
    }

    @Test
    void aPauseAnywhereWinsOverReduceOnlyAndBothAreExplained() {
        Scenario scenario = given(new ReduceOnlySet(Scope.global(), "wind down", null),
                new TradingPaused(Scope.symbol("AAPL"), "exchange halt", null));

        EffectiveMode onAapl = effective(scenario, "u1", null, "AAPL");
        EffectiveMode onMsft = effective(scenario, "u1", null, "MSFT");

        assertThat(onAapl.mode()).isEqualTo(ControlMode.PAUSED);
        assertThat(onAapl.causes()).extracting(Cause::kind).containsExactly(Cause.Kind.PAUSE, Cause.Kind.REDUCE_ONLY);
        assertThat(onMsft.mode()).isEqualTo(ControlMode.REDUCE_ONLY);
    }

    @Test
    void aTimedReduceOnlyStopsApplyingAtItsExpiryExactly() {
        Instant expiry = NOW.plus(Duration.ofMinutes(5));
        Scenario scenario = given(new ReduceOnlySet(Scope.tenant("u1"), "cool-off", expiry));

        assertThat(EffectiveModeCalculator.effective(scenario.view(), "u1", null, null, expiry.minusMillis(1)).mode())
                .isEqualTo(ControlMode.REDUCE_ONLY);
        assertThat(EffectiveModeCalculator.effective(scenario.view(), "u1", null, null, expiry).mode())
                .isEqualTo(ControlMode.ACTIVE);
    }
}
