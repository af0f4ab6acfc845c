package com.tradingcontrol.domain;

import com.tradingcontrol.domain.config.ConfigState;
import com.tradingcontrol.domain.control.ControlState;
import com.tradingcontrol.domain.control.ControlView;
import com.tradingcontrol.domain.profile.ProfileState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tradingcontrol.domain.Scenario.ADMIN;
import static com.tradingcontrol.domain.Scenario.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The façade the topology calls: aggregate ids, initial states, routing and folding. */
class TradingDomainTest {

    @Test
    void everyCommandAndEventMapsToItsAggregateId() {
        assertThat(AggregateIds.of(new PauseTrading(Scope.symbol("aapl"), "r", null))).isEqualTo("symbol:AAPL");
        assertThat(AggregateIds.of(new EngageKillSwitch("r"))).isEqualTo("global");
        assertThat(AggregateIds.of(new SetMaintenanceMode(true, "m", "r"))).isEqualTo("global");
        assertThat(AggregateIds.of(new UpdateConfig("risk.maxOpenOrders", ConfigValue.of(1L), "r")))
                .isEqualTo("config:risk.maxOpenOrders");
        assertThat(AggregateIds.of(new EnableProfile("p1", "u1", "r"))).isEqualTo("profile:u1:p1");
        assertThat(AggregateIds.of(new ProfileDisabled("p1", "u1", "r"))).isEqualTo("profile:u1:p1");
        assertThat(AggregateIds.of(new PauseExpired(Scope.tenant("u1"), NOW))).isEqualTo("tenant:u1");
        assertThat(AggregateIds.of(new KillSwitchReleased("r"))).isEqualTo("global");
    }

    @Test
    void initialStatesAreParsedFromAggregateIds() {
        assertThat(TradingDomain.initialState("global")).isEqualTo(ControlState.initial(Scope.global()));
        assertThat(TradingDomain.initialState("strategy:u1:p1")).isEqualTo(ControlState.initial(Scope.strategy("u1", "p1")));
        assertThat(TradingDomain.initialState("config:features.tabs.membership"))
                .isEqualTo(ConfigState.initial("features.tabs.membership"));
        assertThat(TradingDomain.initialState("profile:u1:p1")).isEqualTo(ProfileState.initial("u1", "p1"));
        assertThat(TradingDomain.initialState("profile:u1:p1").version()).isZero();
        assertThatThrownBy(() -> TradingDomain.initialState("profile:u1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TradingDomain.initialState("bogus")).isInstanceOf(InvalidScopeException.class);
    }

    @Test
    void foldingCountsEveryEventAsOneVersion() {
        EventMeta meta = new EventMeta("admin-1", NOW, "c-1");
        AggregateState state = TradingDomain.evolveAll(null, List.of(
                new RecordedEvent(meta, new KillSwitchEngaged("a")),
                new RecordedEvent(meta, new MaintenanceModeChanged(true, "m", "b")),
                new RecordedEvent(meta, new KillSwitchReleased("c"))));

        assertThat(state).isInstanceOfSatisfying(ControlState.class, s -> {
            assertThat(s.version()).isEqualTo(3);
            assertThat(s.isKillSwitchEngaged()).isFalse();
            assertThat(s.isMaintenanceOn()).isTrue();
            assertThat(s.maintenance().enabledBy().commandId()).isEqualTo("c-1");
        });
    }

    @Test
    void anEventForAnotherAggregateIsARoutingBug() {
        EventMeta meta = new EventMeta("admin-1", NOW, "c-1");
        assertThatThrownBy(() -> TradingDomain.evolve(ControlState.initial(Scope.tenant("u1")),
                new RecordedEvent(meta, new KillSwitchEngaged("x")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TradingDomain.evolve(ConfigState.initial("a"),
                new RecordedEvent(meta, new ProfileCreated("p1", "u1", "n")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scenario.domain().decide(Scenario.envelope(ADMIN, new EngageKillSwitch("x")),
                ControlState.initial(Scope.tenant("u1")), ControlView.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("routed to aggregate tenant:u1");
    }

    @Test
    void aCommandWithoutAScopeIsAValidationFailureNotACrash() {
        Decision decision = Scenario.domain().decide(Scenario.envelope(ADMIN, new ResumeTrading(null, "r")), null,
                ControlView.empty());

        assertThat(decision).isEqualTo(Decision.rejected(RejectionCode.VALIDATION_FAILED, "scope is required"));
    }
}
