package com.tradingcontrol.api.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.schemas.avro.ActiveControl;
import com.tradingcontrol.schemas.avro.ControlKind;
import com.tradingcontrol.schemas.avro.ControlMode;
import com.tradingcontrol.schemas.avro.ControlState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlStateViewTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private final ControlStateView view = new ControlStateView(Clock.fixed(NOW, ZoneOffset.UTC));

    private static ScopeState state(String scope, String mode, long version) {
        return new ScopeState(scope, mode, false, false, null, "why", "op-1", NOW.minusSeconds(60), null, version, "e-" + version);
    }

    @Test
    void keepsTheNewestVersionPerScope() {
        assertThat(view.apply(state("tenant:a", "PAUSED", 2))).isTrue();
        assertThat(view.apply(state("tenant:a", "ACTIVE", 1))).isFalse();
        assertThat(view.state("tenant:a")).map(ScopeState::mode).contains("PAUSED");
    }

    @Test
    void barrierCoversControlScopesAndShowsTheirVersion() {
        assertThat(view.covers("tenant:a")).isTrue();
        assertThat(view.covers("config:features.tabs.marketplace")).isFalse();
        assertThat(view.currentVersion("tenant:a")).as("no state is version 0").isZero();

        view.apply(state("tenant:a", "PAUSED", 2));

        assertThat(view.currentVersion("tenant:a")).isEqualTo(2);
    }

    @Test
    void reduceOnlyComesFromTheControlsListAndIsPushed() {
        Instant expiry = NOW.plusSeconds(600);
        ActiveControl reduceOnly = ActiveControl.newBuilder().setKind(ControlKind.REDUCE_ONLY)
                .setMode(ControlMode.REDUCE_ONLY).setReason("wind down").setSetBy("op-1")
                .setSetAt(NOW.minusSeconds(60)).setExpiresAt(expiry).build();
        ControlState record = ControlState.newBuilder().setScope("strategy:a:p1").setMode(ControlMode.REDUCE_ONLY)
                .setVersion(1).setReason("wind down").setSetBy("op-1").setSetAt(NOW.minusSeconds(60))
                .setControls(List.of(reduceOnly)).build();

        ScopeState state = ScopeState.fromAvro(record);
        view.apply(state);

        assertThat(state.toMap()).containsEntry("mode", "REDUCE_ONLY").containsEntry("reduceOnly", true)
                .containsEntry("reduceOnlyExpiresAt", expiry.toString());
        assertThat(view.state("strategy:a:p1")).contains(state);
    }
}
