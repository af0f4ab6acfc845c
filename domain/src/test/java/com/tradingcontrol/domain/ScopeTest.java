package com.tradingcontrol.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScopeTest {

    @ParameterizedTest
    @ValueSource(strings = {"global", "tenant:u1", "tenant:auth0|abc-123", "symbol:BTC-USD", "strategy:u1:grid.v2",
        "strategy:grid.v2"})
    void parsesAndFormatsRoundTrip(String text) {
        assertThat(Scope.parse(text).toString()).isEqualTo(text);
    }

    @Test
    void parsesIntoTypeAndId() {
        assertThat(Scope.parse("tenant:u1")).isEqualTo(Scope.tenant("u1"));
        assertThat(Scope.parse("strategy:u1:p-7")).isEqualTo(Scope.strategy("u1", "p-7"));
        assertThat(Scope.parse("strategy:p-7")).isEqualTo(Scope.legacyStrategy("p-7"));
        assertThat(Scope.parse("global").isGlobal()).isTrue();
    }

    @Test
    void aStrategyScopeNamesItsTenantAndALegacyOneDoesNot() {
        Scope strategy = Scope.parse("strategy:tenant-b:pb1");
        assertThat(strategy.tenantId()).isEqualTo("tenant-b");
        assertThat(strategy.profileId()).isEqualTo("pb1");
        assertThat(strategy.isLegacyStrategy()).isFalse();

        Scope legacy = Scope.parse("strategy:pb1");
        assertThat(legacy.isLegacyStrategy()).isTrue();
        assertThat(legacy.tenantId()).isNull();
        assertThat(legacy.profileId()).isEqualTo("pb1");
        assertThat(Scope.tenant("u1").tenantId()).isEqualTo("u1");
        assertThat(Scope.symbol("AAPL").tenantId()).isNull();
    }

    @Test
    void symbolsAreUpperCasedSoOneSymbolIsOneAggregate() {
        assertThat(Scope.parse("symbol:aapl")).isEqualTo(Scope.symbol("AAPL"));
        assertThat(Scope.symbol("eth/usd").toString()).isEqualTo("symbol:ETH/USD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "GLOBAL", "global:x", "tenant", "tenant:", "tenant:a:b", "tenant:has space",
            "symbol:", "symbol:$$$", "strategy:", "strategy::p1", "strategy:u1:", "strategy:u1:p1:x",
            "strategy:u 1:p1", "region:eu", "user:u1"})
    void rejectsMalformedScopes(String text) {
        assertThatThrownBy(() -> Scope.parse(text)).isInstanceOf(InvalidScopeException.class);
    }

    @Test
    void errorMessageSaysWhatIsExpected() {
        assertThatThrownBy(() -> Scope.parse("region:eu"))
                .hasMessage("unknown scope 'region:eu': expected global, tenant:<tenantId>, symbol:<SYMBOL> or "
                        + "strategy:<tenantId>:<profileId>");
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
