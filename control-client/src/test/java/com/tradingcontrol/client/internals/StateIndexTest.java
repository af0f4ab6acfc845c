package com.tradingcontrol.client.internals;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.client.DecisionCause;
import com.tradingcontrol.domain.Provenance;
import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.domain.control.Cause;
import com.tradingcontrol.domain.control.ControlState;
import com.tradingcontrol.domain.control.EffectiveModeCalculator;
import com.tradingcontrol.domain.control.ProfileLookup;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decision path's index: every lookup by id answers what a lookup by scope answers. */
class StateIndexTest {

    private static final Instant T = Instant.parse("2026-12-07T08:00:00Z");

    private static ControlState paused(Scope scope, long version) {
        Provenance by = new Provenance("op-" + scope, T, "c-" + scope + "-" + version, "why " + scope);
        return new ControlState(scope, version, new ControlState.Pause(by, T.plusSeconds(60)), null, null, null);
    }

    private static ProfileRecord profile(String tenant, String profile, boolean enabled) {
        return new ProfileRecord(tenant, profile, 3, "p-" + profile,
                new ProfileLookup.ProfileStatus(enabled, "owner", T, "because"));
    }

    @Test
    void looksUpEachScopeTypeByIdAndKeepsTenantsApart() {
        Map<Scope, ControlState> controls = new HashMap<>();
        for (Scope scope : new Scope[] {Scope.global(), Scope.tenant("ta"), Scope.strategy("ta", "p1"),
                Scope.strategy("tb", "p1"), Scope.legacyStrategy("p1"), Scope.symbol("AAPL")}) {
            controls.put(scope, paused(scope, 1));
        }
        StateIndex index = StateIndex.of(controls, Map.of("ta:p1", profile("ta", "p1", true),
                "tb:p2", profile("tb", "p2", false)), null);

        assertThat(index.global()).isEqualTo(controls.get(Scope.global()));
        assertThat(index.tenant("ta")).isEqualTo(controls.get(Scope.tenant("ta")));
        assertThat(index.tenant("tb")).as("tb has profiles and a strategy, no tenant control").isNull();
        assertThat(index.strategy("ta", "p1")).isEqualTo(controls.get(Scope.strategy("ta", "p1")));
        assertThat(index.strategy("tb", "p1")).isEqualTo(controls.get(Scope.strategy("tb", "p1")));
        assertThat(index.strategy("tc", "p1")).isNull();
        assertThat(index.legacyStrategy("p1")).isEqualTo(controls.get(Scope.legacyStrategy("p1")));
        assertThat(index.legacyStrategy("p2")).isNull();
        assertThat(index.symbol("AAPL")).isEqualTo(controls.get(Scope.symbol("AAPL")));
        assertThat(index.profile("ta", "p1").status().enabled()).isTrue();
        assertThat(index.profile("tb", "p2").status().enabled()).isFalse();
        assertThat(index.profile("ta", "p2")).as("profile ids are per tenant").isNull();
        controls.forEach((scope, state) -> assertThat(index.get(scope)).as(scope.toString()).isEqualTo(state));
    }

    @Test
    void mapsEachCauseOnceAndOnlyAgainForAChangedState() {
        Scope kept = Scope.symbol("KEEP");
        Scope changed = Scope.tenant("t1");
        Map<Scope, ControlState> controls = new HashMap<>(Map.of(kept, paused(kept, 1), changed, paused(changed, 1)));
        StateIndex first = StateIndex.of(controls, Map.of(), null);
        controls.put(changed, paused(changed, 2));
        StateIndex second = StateIndex.of(controls, Map.of(), first);

        DecisionCause keptCause = causeOf(second, controls.get(kept));
        assertThat(keptCause).isSameAs(causeOf(first, controls.get(kept)));
        DecisionCause changedCause = causeOf(second, controls.get(changed));
        assertThat(changedCause.scopeVersion()).isEqualTo(2);
        assertThat(changedCause.commandId()).isEqualTo("c-tenant:t1-2");
        assertThat(keptCause).isEqualTo(new DecisionCause("symbol:KEEP", DecisionCause.Kind.PAUSE,
                com.tradingcontrol.domain.ControlMode.PAUSED, "op-symbol:KEEP", T, "why symbol:KEEP",
                T.plusSeconds(60), "c-symbol:KEEP-1", null, 1));
    }

    private static DecisionCause causeOf(StateIndex index, ControlState state) {
        Cause cause = EffectiveModeCalculator.causesOf(state, T).get(0);
        return index.causeOf(cause);
    }
}
