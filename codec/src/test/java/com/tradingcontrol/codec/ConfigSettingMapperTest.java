package com.tradingcontrol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingcontrol.domain.ConfigValue;
import com.tradingcontrol.domain.Provenance;
import com.tradingcontrol.domain.config.ConfigState;
import com.tradingcontrol.schemas.avro.ConfigSetting;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConfigSettingMapperTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Provenance SET_BY = new Provenance("adam", T0, "c-7", "tuning");

    @Test
    void aSettingIsKeyedByItsCatalogueKeyAndCarriesItsVersionAndLastChange() throws IOException {
        ConfigState state = new ConfigState("risk.maxOpenOrders", 3, ConfigValue.of(250L), SET_BY);

        ConfigSetting avro = ConfigSettingMapper.toAvro(state);

        assertThat(ConfigSettingMapper.key(state)).isEqualTo("risk.maxOpenOrders");
        assertThat(avro).isEqualTo(ConfigSetting.newBuilder().setKey("risk.maxOpenOrders").setValue(250L)
                .setVersion(3).setReason("tuning").setSetBy("adam").setSetAt(T0).setCommandId("c-7").build());
        assertThat(ConfigSettingMapper.fromAvro(wire(avro))).isEqualTo(state);
    }

    @Test
    void everyValueTypeOfTheCatalogueSurvivesTheWire() throws IOException {
        for (ConfigState state : new ConfigState[] {
                new ConfigState("features.backtest.enabled", 1, ConfigValue.of(true), SET_BY),
                new ConfigState("risk.maxOpenOrders", 1, ConfigValue.of(100L), SET_BY),
                new ConfigState("risk.priceBandPercent", 1, ConfigValue.of(2.5), SET_BY),
                new ConfigState("risk.limitBreachAction", 1, ConfigValue.of("PAUSE_TENANT"), SET_BY)}) {
            ConfigSetting decoded = wire(ConfigSettingMapper.toAvro(state));

            assertThat(ConfigSettingMapper.fromAvro(decoded)).isEqualTo(state);
            assertThat(ConfigValues.fromAvro(decoded.getValue()).kind()).isEqualTo(state.value().kind());
        }
    }

    @Test
    void aStateWithoutProvenanceComesBackWithout() throws IOException {
        ConfigState bare = new ConfigState("risk.maxOpenOrders", 1, ConfigValue.of(5L), null);

        assertThat(ConfigSettingMapper.fromAvro(wire(ConfigSettingMapper.toAvro(bare)))).isEqualTo(bare);
    }

    @Test
    void aKeyThatWasNeverSetHasNoRecord() {
        assertThatThrownBy(() -> ConfigSettingMapper.toAvro(ConfigState.initial("risk.maxOpenOrders")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("config:risk.maxOpenOrders");
    }

    /** Through the Avro binary encoding, as an engine would read it. */
    private static ConfigSetting wire(ConfigSetting record) throws IOException {
        return ConfigSetting.fromByteBuffer(record.toByteBuffer());
    }
}
