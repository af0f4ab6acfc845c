package com.tradingcontrol.api.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WaitLimiterTest {
    @Test
    void eachPrincipalHasItsOwnSlotsAndReleasingFreesOne() {
        WaitLimiter limiter = new WaitLimiter(2);

        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
        assertThat(limiter.tryAcquire("b")).isTrue();

        limiter.release("a");

        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.held("a")).isEqualTo(2);
        limiter.release("a");
        limiter.release("a");
        assertThat(limiter.held("a")).isZero();
    }
}
