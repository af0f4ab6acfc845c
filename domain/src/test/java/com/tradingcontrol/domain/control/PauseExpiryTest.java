package com.tradingcontrol.domain.control;

import com.tradingcontrol.domain.EventMeta;
import com.tradingcontrol.domain.PauseExpired;
import com.tradingcontrol.domain.RecordedEvent;
import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.domain.TradingPaused;
import com.tradingcontrol.domain.TradingResumed;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.tradingcontrol.domain.Scenario.NOW;
import static com.tradingcontrol.domain.Scenario.given;
import static org.assertj.core.api.Assertions.assertThat;

class PauseExpiryTest {

    private static final Scope TENANT = Scope.tenant("u1");
    private static final Instant EXPIRY = NOW.plus(Duration.ofMinutes(30));

    private static ControlState pausedUntil(Instant expiresAt) {
        return (ControlState) given(new TradingPaused(TENANT, "cool-off", expiresAt)).state("tenant:u1");
    }

    @Test
    void nothingExpiresBeforeExpiresAt() {
        assertThat(PauseExpiry.expire(pausedUntil(EXPIRY), EXPIRY.minusMillis(1))).isEmpty();
    }

    @Test
    void aTimedPauseExpiresThroughAnEventStampedWithItsExpiry() {
        assertThat(PauseExpiry.expire(pausedUntil(EXPIRY), EXPIRY)).containsExactly(new PauseExpired(TENANT, EXPIRY));
        assertThat(PauseExpiry.expire(pausedUntil(EXPIRY), EXPIRY.plus(Duration.ofHours(5))))
                .containsExactly(new PauseExpired(TENANT, EXPIRY));
    }

    @Test
    void indefinitePausesAndUnpausedScopesNeverExpire() {
        assertThat(PauseExpiry.expire(pausedUntil(null), EXPIRY.plus(Duration.ofDays(365)))).isEmpty();
        assertThat(PauseExpiry.expire(ControlState.initial(TENANT), EXPIRY)).isEmpty();
        ControlState resumed = (ControlState) given(new TradingPaused(TENANT, "x", EXPIRY),
                new TradingResumed(TENANT, "y")).state("tenant:u1");
        assertThat(PauseExpiry.expire(resumed, EXPIRY.plusSeconds(1))).isEmpty();
    }

    @Test
    void foldingTheExpiryClearsThePauseBumpsTheVersionAndExpiresOnlyOnce() {
        ControlState paused = pausedUntil(EXPIRY);
        EventMeta system = new EventMeta("system:pause-expiry", EXPIRY.plusMillis(5), "expiry-1");

        ControlState after = ControlEvolver.evolve(paused,
                new RecordedEvent(system, PauseExpiry.expire(paused, EXPIRY).get(0)));

        assertThat(after.pause()).isNull();
        assertThat(after.version()).isEqualTo(paused.version() + 1);
        assertThat(PauseExpiry.expire(after, EXPIRY.plusSeconds(10))).isEmpty();
    }
}
