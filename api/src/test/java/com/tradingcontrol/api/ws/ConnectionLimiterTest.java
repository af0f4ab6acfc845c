package com.tradingcontrol.api.ws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionLimiterTest {
    @Test
    void aLeaseReleasedTwiceGivesBackOneSlot() {
        ConnectionLimiter limiter = new ConnectionLimiter(2);
        ConnectionLimiter.Lease first = limiter.tryAcquire("a").orElseThrow();
        limiter.tryAcquire("a").orElseThrow();

        assertThat(limiter.tryAcquire("a")).isEmpty();
        assertThat(limiter.tryAcquire("b")).isPresent();

        first.release();
        first.release();

        assertThat(limiter.held("a")).isEqualTo(1);
        assertThat(limiter.tryAcquire("a")).isPresent();
        assertThat(limiter.tryAcquire("a")).isEmpty();
    }
}
