package com.tradingcontrol.api.push;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PushRoutingTest {
    @Test
    void globalAndSymbolScopesGoToEveryone() {
        assertThat(PushRouting.audienceOf("global")).isInstanceOf(PushRouting.Audience.Everyone.class);
        assertThat(PushRouting.audienceOf("symbol:AAPL")).isInstanceOf(PushRouting.Audience.Everyone.class);
    }

    @Test
    void tenantScopesGoToThatTenantOnly() {
        assertThat(PushRouting.audienceOf("tenant:u1")).isEqualTo(new PushRouting.Audience.Tenant("u1"));
    }

    @Test
    void strategyScopesGoToTheirTenantOnly() {
        assertThat(PushRouting.audienceOf("strategy:tenant-b:pb1")).isEqualTo(new PushRouting.Audience.Tenant("tenant-b"));
    }

    @Test
    void legacyStrategyAndUnknownScopesGoToAdminsOnly() {
        assertThat(PushRouting.audienceOf("strategy:p1")).isInstanceOf(PushRouting.Audience.AdminsOnly.class);
        assertThat(PushRouting.audienceOf("strategy::p1")).isInstanceOf(PushRouting.Audience.AdminsOnly.class);
        assertThat(PushRouting.audienceOf("tenant:")).isInstanceOf(PushRouting.Audience.AdminsOnly.class);
    }
}
