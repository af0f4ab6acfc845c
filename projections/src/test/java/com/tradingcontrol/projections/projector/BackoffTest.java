package com.tradingcontrol.projections.projector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesUpToTheCapAndResets() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(350));
        assertThat(backoff.nextDelay()).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.nextDelay()).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.nextDelay()).isEqualTo(Duration.ofMillis(350));
        assertThat(backoff.nextDelay()).isEqualTo(Duration.ofMillis(350));
        backoff.reset();
        assertThat(backoff.nextDelay()).isEqualTo(Duration.ofMillis(100));
    }
}
