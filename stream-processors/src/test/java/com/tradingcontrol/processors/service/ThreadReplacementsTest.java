package com.tradingcontrol.processors.service;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ThreadReplacementsTest {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final ThreadReplacements replacements = new ThreadReplacements(3, Duration.ofMinutes(10), clock);
    private final RuntimeException boom = new IllegalStateException("boom");

    @Test
    void threadsAreReplacedUpToTheBudgetThenTheClientShutsDown() {
        assertThat(replacements.handle(boom)).isEqualTo(REPLACE_THREAD);
        assertThat(replacements.handle(boom)).isEqualTo(REPLACE_THREAD);
        assertThat(replacements.handle(boom)).isEqualTo(REPLACE_THREAD);
        assertThat(replacements.handle(boom)).isEqualTo(SHUTDOWN_CLIENT);
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        replacements.handle(boom);
        replacements.handle(boom);
        replacements.handle(boom);
        now = now.plus(Duration.ofMinutes(11));

        assertThat(replacements.handle(boom)).isEqualTo(REPLACE_THREAD);
    }

    @Test
    void aBudgetOfZeroShutsDownAtTheFirstFailure() {
        assertThat(new ThreadReplacements(0, Duration.ofMinutes(10), clock).handle(boom)).isEqualTo(SHUTDOWN_CLIENT);
    }
}
