package com.tradingcontrol.api.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PreferWaitTest {
    private static final Duration MAX = Duration.ofSeconds(30);

    @Test
    void readsTheWaitPreference() {
        assertThat(PreferWait.parse("wait=5", MAX)).contains(Duration.ofSeconds(5));
        assertThat(PreferWait.parse("respond-async, wait=10", MAX)).contains(Duration.ofSeconds(10));
        assertThat(PreferWait.parse("handling=lenient; wait=\"3\"", MAX)).contains(Duration.ofSeconds(3));
    }

    @Test
    void capsAtTheMaximum() {
        assertThat(PreferWait.parse("wait=600", MAX)).contains(MAX);
    }

    @Test
    void ignoresAbsentZeroAndUnparsable() {
        assertThat(PreferWait.parse(null, MAX)).isEmpty();
        assertThat(PreferWait.parse("wait=0", MAX)).isEmpty();
        assertThat(PreferWait.parse("wait=soon", MAX)).isEmpty();
        assertThat(PreferWait.parse("nowait=5", MAX)).isEmpty();
    }
}
