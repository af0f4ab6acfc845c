package com.tradingcontrol.processors.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScopeTest {

    @ParameterizedTest
    @ValueSource(strings = {"global", "tenant:u1", "tenant:auth0|abc-123", "symbol:BTC-USD", "strategy:grid.v2"})
    void parsesAndFormatsRoundTrip(String text) {
        assertThat(Scope.parse(text).toString()).isEqualTo(text);
    }

    @Test
    void parsesIntoTypeAndId() {
        assertThat(Scope.parse("tenant:u1")).isEqualTo(Scope.tenant("u1"));
        assertThat(Scope.parse("strategy:p-7")).isEqualTo(new Scope(Scope.Type.STRATEGY, "p-7"));
        assertThat(Scope.parse("global").isGlobal()).isTrue();
    }

    @Test
    void symbolsAreUpperCasedSoOneSymbolIsOneAggregate() {
        assertThat(Scope.parse("symbol:aapl")).isEqualTo(Scope.symbol("AAPL"));
        assertThat(Scope.symbol("eth/usd").toString()).isEqualTo("symbol:ETH/USD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "GLOBAL", "global:x", "tenant", "tenant:", "tenant:a:b", "tenant:has space",
            "symbol:", "symbol:$$$", "strategy:", "region:eu", "user:u1"})
    void rejectsMalformedScopes(String text) {
        assertThatThrownBy(() -> Scope.parse(text)).isInstanceOf(InvalidScopeException.class);
    }

    @Test
    void errorMessageSaysWhatIsExpected() {
        assertThatThrownBy(() -> Scope.parse("region:eu"))
                .hasMessage("unknown scope 'region:eu': expected global, tenant:<userId>, symbol:<SYMBOL> or "
                        + "strategy:<profileId>");
        assertThatThrownBy(() -> Scope.parse(null)).hasMessage("scope is required");
    }

    @Test
    void modesAreOrderedFromLeastToMostRestrictive() {
        assertThat(ControlMode.values()).containsExactly(ControlMode.ACTIVE, ControlMode.REDUCE_ONLY,
                ControlMode.PAUSED, ControlMode.HALTED);
        assertThat(ControlMode.mostRestrictive(ControlMode.PAUSED, ControlMode.HALTED)).isEqualTo(ControlMode.HALTED);
        assertThat(ControlMode.REDUCE_ONLY.isMoreRestrictiveThan(ControlMode.ACTIVE)).isTrue();
    }
}
