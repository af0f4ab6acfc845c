package com.tradingcontrol.domain.config;

import com.tradingcontrol.domain.ConfigValue;
import com.tradingcontrol.domain.Role;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigCatalogueLoaderTest {

    private static ConfigCatalogue parse(String json) throws IOException {
        return ConfigCatalogueLoader.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    private static String catalogueWith(String entry) {
        return "{\"catalogueVersion\": 3, \"keys\": [" + entry + "]}";
    }

    @Test
    void theShippedCatalogueHasTheFeatureFlagsAndRiskLimits() {
        ConfigCatalogue catalogue = ConfigCatalogueLoader.loadDefault();

        assertThat(catalogue.catalogueVersion()).isEqualTo(1);
        assertThat(catalogue.keys()).containsKeys("features.backtest.enabled", "features.backtest.customerEnabled",
                "features.tabs.marketplace", "features.tabs.membership", "risk.maxOrderNotionalPerTenant",
                "risk.maxOpenOrders", "risk.priceBandPercent", "risk.limitBreachAction");
        assertThat(catalogue.find("features.tabs.membership")).get().satisfies(d -> {
            assertThat(d.type()).isEqualTo(ConfigType.BOOLEAN);
            assertThat(d.defaultValue()).isEqualTo(ConfigValue.of(false));
            assertThat(d.changeRoles()).containsExactly(Role.ADMIN);
        });
        assertThat(catalogue.find("risk.maxOpenOrders")).get().satisfies(d -> {
            assertThat(d.type()).isEqualTo(ConfigType.LONG);
            assertThat(d.min()).isEqualByComparingTo(BigDecimal.ONE);
            assertThat(d.max()).isEqualByComparingTo(new BigDecimal(100000));
            assertThat(d.defaultValue()).isEqualTo(ConfigValue.of(500L));
        });
        assertThat(catalogue.find("risk.maxOrderNotionalPerTenant").get().minExclusive()).isTrue();
        assertThat(catalogue.rolesAllowedAnywhere()).containsExactly(Role.ADMIN);
    }

    @Test
    void readsEveryFieldOfAnEntry() throws IOException {
        ConfigCatalogue catalogue = parse(catalogueWith("""
                {"key": "ui.mode", "type": "ENUM", "allowedValues": ["LIGHT", "DARK"], "default": "DARK",
                 "description": "theme", "changeRoles": ["ADMIN", "OPERATOR"]},
                {"key": "ui.banner", "type": "STRING", "maxLength": 20, "default": "", "description": "banner"}
                """));

        assertThat(catalogue.catalogueVersion()).isEqualTo(3);
        ConfigKeyDefinition mode = catalogue.find("ui.mode").orElseThrow();
        assertThat(mode.allowedValues()).containsExactly("LIGHT", "DARK");
        assertThat(mode.changeRoles()).isEqualTo(Set.of(Role.ADMIN, Role.OPERATOR));
        assertThat(catalogue.find("ui.banner").orElseThrow().maxLength()).isEqualTo(20);
        assertThat(catalogue.rolesAllowedAnywhere()).containsExactlyInAnyOrder(Role.ADMIN, Role.OPERATOR);
    }

    @Test
    void rejectsBrokenCataloguesNamingFileAndKey() {
        List<String[]> cases = List.of(
                new String[]{"{\"key\": \"a\", \"type\": \"LONG\", \"default\": 1.5, \"description\": \"d\"}",
                        "test.json: config key 'a': 'default' must be a JSON value of type LONG"},
                new String[]{"{\"key\": \"a\", \"type\": \"LONG\", \"min\": 5, \"default\": 1, \"description\": \"d\"}",
                        "test.json: default of config key 'a' is invalid: a must be >= 5, got 1"},
                new String[]{"{\"key\": \"a\", \"type\": \"LONG\", \"min\": 5, \"max\": 1, \"default\": 3, \"description\": \"d\"}",
                        "test.json: config key 'a': min 5 is greater than max 1"},
                new String[]{"{\"key\": \"a\", \"type\": \"BOOLEAN\", \"max\": 1, \"default\": true, \"description\": \"d\"}",
                        "test.json: config key 'a': min/max are only allowed for LONG and DOUBLE"},
                new String[]{"{\"key\": \"a\", \"type\": \"ENUM\", \"default\": \"X\", \"description\": \"d\"}",
                        "test.json: config key 'a': allowedValues are required for ENUM and only for ENUM"},
                new String[]{"{\"key\": \"a\", \"type\": \"TEXT\", \"default\": \"X\", \"description\": \"d\"}",
                        "test.json: config key 'a': type 'TEXT' is not one of [BOOLEAN, LONG, DOUBLE, STRING, ENUM]"},
                new String[]{"{\"key\": \"a\", \"type\": \"BOOLEAN\", \"default\": true, \"description\": \"d\", \"mni\": 1}",
                        "test.json: config key 'a': unknown field 'mni'"},
                new String[]{"{\"key\": \"a\", \"type\": \"BOOLEAN\", \"default\": true}",
                        "test.json: config key 'a': description is required"},
                new String[]{"{\"key\": \"a\", \"type\": \"BOOLEAN\", \"default\": true, \"description\": \"d\", \"changeRoles\": [\"ROOT\"]}",
                        "test.json: config key 'a': changeRoles 'ROOT' is not one of [ADMIN, OPERATOR, CUSTOMER, AUDITOR]"},
                new String[]{"{\"key\": \"a\", \"type\": \"BOOLEAN\", \"default\": true, \"description\": \"d\"},"
                        + "{\"key\": \"a\", \"type\": \"BOOLEAN\", \"default\": true, \"description\": \"d\"}",
                        "test.json: config key 'a' is defined twice"});
        for (String[] c : cases) {
            assertThatThrownBy(() -> parse(catalogueWith(c[0]))).isInstanceOf(InvalidCatalogueException.class)
                    .hasMessage(c[1]);
        }
    }

    @Test
    void rejectsAFileWithoutVersionOrKeys() {
        assertThatThrownBy(() -> parse("{\"keys\": []}"))
                .isInstanceOf(InvalidCatalogueException.class).hasMessageContaining("catalogueVersion");
        assertThatThrownBy(() -> ConfigCatalogueLoader.loadResource("/no-such-catalogue.json"))
                .isInstanceOf(InvalidCatalogueException.class).hasMessageContaining("not found");
    }
}
