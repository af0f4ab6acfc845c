package com.tradingcontrol.api.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.api.ports.ControlView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
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
    void tenantsSeeGlobalAndTheirOwnScopeOnly() {
        view.apply(state("global", "ACTIVE", 1));
        view.apply(state("tenant:a", "PAUSED", 1));
        view.apply(state("tenant:b", "PAUSED", 1));

        assertThat(view.controls("a")).extracting(ControlView::scope).containsExactly("global", "tenant:a");
        assertThat(view.controls(null)).extracting(ControlView::scope).containsExactly("global", "tenant:a", "tenant:b");
    }

    @Test
    void effectiveModeIsTheMostRestrictiveWithItsCause() {
        view.apply(state("global", "ACTIVE", 1));
        view.apply(state("symbol:AAPL", "PAUSED", 3));

        var effective = view.effective("a", null, "aapl");

        assertThat(effective.mode()).isEqualTo("PAUSED");
        assertThat(effective.because()).extracting(ControlView::scope).containsExactly("symbol:AAPL");
        assertThat(view.effective("a", null, "MSFT").mode()).isEqualTo("ACTIVE");
    }

    @Test
    void barrierCoversControlScopesAndWaitsForTheVersion() throws Exception {
        assertThat(view.covers("tenant:a")).isTrue();
        assertThat(view.covers("config:features.tabs.marketplace")).isFalse();
        assertThat(view.awaitVersion("tenant:a", 0, Duration.ZERO)).as("no state is version 0").isTrue();

        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return view.awaitVersion("tenant:a", 2, Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        view.apply(state("tenant:a", "PAUSED", 2));

        assertThat(waiting.get()).isTrue();
        assertThat(view.awaitVersion("tenant:a", 3, Duration.ofMillis(20))).isFalse();
    }
}
