package com.tradingcontrol.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeArgsAndValuesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void relativeAbsoluteAndNowInstants() {
        assertThat(TimeArgs.instant("-1m", CLOCK)).isEqualTo("2026-11-21T09:59:00Z");
        assertThat(TimeArgs.instant("-2h", CLOCK)).isEqualTo("2026-11-21T08:00:00Z");
        assertThat(TimeArgs.instant("-1d", CLOCK)).isEqualTo("2026-11-20T10:00:00Z");
        assertThat(TimeArgs.instant("-PT90S", CLOCK)).isEqualTo("2026-11-21T09:58:30Z");
        assertThat(TimeArgs.instant("now", CLOCK)).isEqualTo("2026-11-21T10:00:00Z");
        assertThat(TimeArgs.instant("2026-01-02T03:04:05Z", CLOCK)).isEqualTo("2026-01-02T03:04:05Z");
        assertThatThrownBy(() -> TimeArgs.instant("last week", CLOCK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ISO-8601");
    }

    @Test
    void shortAndIsoDurations() {
        assertThat(TimeArgs.duration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(TimeArgs.duration("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(TimeArgs.duration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(TimeArgs.duration("PT1H30M")).isEqualTo(Duration.ofMinutes(90));
        assertThatThrownBy(() -> TimeArgs.duration("-PT1H")).hasMessageContaining("negative");
        assertThatThrownBy(() -> TimeArgs.duration("1w")).hasMessageContaining("not a duration");
    }

    @Test
    void configValuesAreEncodedByTheirLook() {
        assertThat(ConfigValues.parse("true", false).isBoolean()).isTrue();
        assertThat(ConfigValues.parse("12", false).isIntegralNumber()).isTrue();
        assertThat(ConfigValues.parse("-0.25", false).decimalValue()).isEqualByComparingTo("-0.25");
        assertThat(ConfigValues.parse("1e3", false).isNumber()).isTrue();
        assertThat(ConfigValues.parse("TRUE", false).isTextual()).isTrue();
        assertThat(ConfigValues.parse("12abc", false).asText()).isEqualTo("12abc");
        assertThat(ConfigValues.parse("false", true).isTextual()).isTrue();
    }
}
