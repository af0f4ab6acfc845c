package com.tradingcontrol.codec;

import com.tradingcontrol.domain.Provenance;
import com.tradingcontrol.domain.config.ConfigState;
import com.tradingcontrol.schemas.avro.ConfigSetting;

/**
 * Domain config state to the compacted {@code trading.config-state} record and back. Keyed by the
 * catalogue key itself (not the aggregate id {@code config:<key>}): engines look values up by catalogue key.
 */
public final class ConfigSettingMapper {

    private ConfigSettingMapper() {
    }

    /** The record key: the catalogue key. */
    public static String key(ConfigState state) {
        return state.key();
    }

    /**
     * @throws IllegalArgumentException for a key that was never set: it has no record, which is what tells an
     *                                  engine the catalogue default applies
     */
    public static ConfigSetting toAvro(ConfigState state) {
        if (state.value() == null) {
            throw new IllegalArgumentException(state.aggregateId() + " was never set and has no config-state record");
        }
        LastChange last = LastChange.of(state.lastChange());
        return ConfigSetting.newBuilder()
                .setKey(state.key())
                .setValue(ConfigValues.toAvro(state.value()))
                .setVersion(state.version())
                .setReason(last.reason())
                .setSetBy(last.setBy())
                .setSetAt(last.setAt())
                .setCommandId(last.commandId())
                .build();
    }

    public static ConfigState fromAvro(ConfigSetting avro) {
        Provenance last = new LastChange(avro.getReason(), avro.getSetBy(), avro.getSetAt(), avro.getCommandId())
                .provenance();
        return new ConfigState(avro.getKey(), avro.getVersion(), ConfigValues.fromAvro(avro.getValue()), last);
    }
}
