package com.tradingcontrol.domain.config;

import com.tradingcontrol.domain.ConfigUpdated;
import com.tradingcontrol.domain.ConfigValue;
import com.tradingcontrol.domain.UpdateConfig;
import org.junit.jupiter.api.Test;

import static com.tradingcontrol.domain.RejectionCode.FORBIDDEN;
import static com.tradingcontrol.domain.RejectionCode.UNKNOWN_CONFIG_KEY;
import static com.tradingcontrol.domain.RejectionCode.VALIDATION_FAILED;
import static com.tradingcontrol.domain.RejectionCode.VERSION_CONFLICT;
import static com.tradingcontrol.domain.Scenario.ADMIN;
import static com.tradingcontrol.domain.Scenario.AUDITOR;
import static com.tradingcontrol.domain.Scenario.CUSTOMER_U1;
import static com.tradingcontrol.domain.Scenario.OPERATOR;
import static com.tradingcontrol.domain.Scenario.given;
import static org.assertj.core.api.Assertions.assertThat;

class DynamicConfigTest {

    private static final String FLAG = "features.tabs.marketplace";
    private static final String OPEN_ORDERS = "risk.maxOpenOrders";
    private static final String NOTIONAL = "risk.maxOrderNotionalPerTenant";

    @Test
    void adminFlipsAFeatureFlagAndTheEventCarriesThePreviousValue() {
        ConfigState after = (ConfigState) given()
                .when(ADMIN, new UpdateConfig(FLAG, ConfigValue.of(true), "launch"))
                .thenEvents(new ConfigUpdated(FLAG, ConfigValue.of(true), ConfigValue.of(false), "launch"))
                .stateAfter();

        assertThat(after.value()).isEqualTo(ConfigValue.of(true));
        assertThat(after.version()).isEqualTo(1);
        assertThat(after.lastChange().actorSubject()).isEqualTo("admin-1");
        assertThat(after.lastChange().reason()).isEqualTo("launch");
    }

    @Test
    void previousIsTheLastValueSetNotTheDefault() {
        given(new ConfigUpdated(OPEN_ORDERS, ConfigValue.of(100L), ConfigValue.of(500L), "tighten"))
                .when(new UpdateConfig(OPEN_ORDERS, ConfigValue.of(200L), "loosen"))
                .thenEvents(new ConfigUpdated(OPEN_ORDERS, ConfigValue.of(200L), ConfigValue.of(100L), "loosen"));
    }

    @Test
    void settingTheCurrentValueIsANoOp() {
        given().when(new UpdateConfig(OPEN_ORDERS, ConfigValue.of(500L), "same as default"))
                .thenNoOp("risk.maxOpenOrders is already 500");
        given(new ConfigUpdated(FLAG, ConfigValue.of(true), ConfigValue.of(false), "on"))
                .when(new UpdateConfig(FLAG, ConfigValue.of(true), "again"))
                .thenNoOp("already true");
    }

    @Test
    void onlyAdminsChangeConfigByDefault() {
        given().when(OPERATOR, new UpdateConfig(FLAG, ConfigValue.of(true), "r")).thenRejected(FORBIDDEN)
                .withMessageContaining("requires one of [ADMIN]");
        given().when(CUSTOMER_U1, new UpdateConfig(FLAG, ConfigValue.of(true), "r")).thenRejected(FORBIDDEN);
        given().when(AUDITOR, new UpdateConfig("no.such.key", ConfigValue.of(true), "r")).thenRejected(FORBIDDEN);
    }

    @Test
    void unknownKeysAreRejectedWithTheirOwnCode() {
        given().when(new UpdateConfig("features.tabs.casino", ConfigValue.of(true), "r"))
                .thenRejected(UNKNOWN_CONFIG_KEY).withMessageContaining("'features.tabs.casino'");
        given().when(new UpdateConfig(" ", ConfigValue.of(true), "r")).thenRejected(VALIDATION_FAILED);
    }

    @Test
    void wrongTypesAreRejected() {
        given().when(new UpdateConfig(FLAG, ConfigValue.of("true"), "r")).thenRejected(VALIDATION_FAILED)
                .withMessageContaining("features.tabs.marketplace expects a BOOLEAN value, got STRING 'true'");
        given().when(new UpdateConfig(OPEN_ORDERS, ConfigValue.of(12.5), "r")).thenRejected(VALIDATION_FAILED)
                .withMessageContaining("expects a LONG value");
        given().when(new UpdateConfig(OPEN_ORDERS, null, "r")).thenRejected(VALIDATION_FAILED)
                .withMessageContaining("a value is required");
    }

    @Test
    void boundsAreEnforcedInclusiveUnlessExclusive() {
        given().when(new UpdateConfig(OPEN_ORDERS, ConfigValue.of(0L), "r")).thenRejected(VALIDATION_FAILED)
                .withMessageContaining("risk.maxOpenOrders must be >= 1 and <= 100000, got 0");
        given().when(new UpdateConfig(OPEN_ORDERS, ConfigValue.of(100001L), "r")).thenRejected(VALIDATION_FAILED);
        given().when(new UpdateConfig(OPEN_ORDERS, ConfigValue.of(100000L), "r"))
                .thenEvents(new ConfigUpdated(OPEN_ORDERS, ConfigValue.of(100000L), ConfigValue.of(500L), "r"));
        given().when(new UpdateConfig(NOTIONAL, ConfigValue.of(0.0), "r")).thenRejected(VALIDATION_FAILED)
                .withMessageContaining("must be > 0");
        given().when(new UpdateConfig(NOTIONAL, ConfigValue.of(Double.NaN), "r")).thenRejected(VALIDATION_FAILED)
                .withMessageContaining("finite");
    }

    @Test
    void aWholeNumberForADoubleKeyIsWidened() {
        given().when(new UpdateConfig(NOTIONAL, ConfigValue.of(250000L), "r"))
                .thenEvents(new ConfigUpdated(NOTIONAL, ConfigValue.of(250000.0), ConfigValue.of(1000000.0), "r"));
    }

    @Test
    void enumKeysAcceptOnlyTheirAllowedValues() {
        given().when(new UpdateConfig("risk.limitBreachAction", ConfigValue.of("IGNORE"), "r"))
                .thenRejected(VALIDATION_FAILED).withMessageContaining("must be one of [REJECT_ORDER, REDUCE_ONLY");
        given().when(new UpdateConfig("risk.limitBreachAction", ConfigValue.of("PAUSE_TENANT"), "r"))
                .thenEvents(new ConfigUpdated("risk.limitBreachAction", ConfigValue.of("PAUSE_TENANT"),
                        ConfigValue.of("REJECT_ORDER"), "r"));
    }

    @Test
    void reasonIsRequired() {
        given().when(new UpdateConfig(FLAG, ConfigValue.of(true), "")).thenRejected(VALIDATION_FAILED)
                .withMessageContaining("reason");
    }

    @Test
    void staleExpectedVersionIsAConflict() {
        given(new ConfigUpdated(FLAG, ConfigValue.of(true), ConfigValue.of(false), "on"))
                .whenExpecting(0, ADMIN, new UpdateConfig(FLAG, ConfigValue.of(false), "off"))
                .thenRejected(VERSION_CONFLICT);
        given(new ConfigUpdated(FLAG, ConfigValue.of(true), ConfigValue.of(false), "on"))
                .whenExpecting(1, ADMIN, new UpdateConfig(FLAG, ConfigValue.of(false), "off"))
                .thenEvents(new ConfigUpdated(FLAG, ConfigValue.of(false), ConfigValue.of(true), "off"));
    }
}
