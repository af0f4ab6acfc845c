package com.tradingcontrol.codec;

import com.tradingcontrol.domain.ConfigValue;

/** Maps the Avro union {@code ["boolean","long","double","string"]} to and from {@link ConfigValue}. */
public final class ConfigValues {

    private ConfigValues() {
    }

    /** @return null for null (e.g. a missing previousValue) */
    public static ConfigValue fromAvro(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return ConfigValue.of(b);
        }
        if (value instanceof Long l) {
            return ConfigValue.of(l);
        }
        if (value instanceof Integer i) {
            return ConfigValue.of(i.longValue());
        }
        if (value instanceof Double d) {
            return ConfigValue.of(d);
        }
        if (value instanceof Float f) {
            return ConfigValue.of(f.doubleValue());
        }
        if (value instanceof CharSequence s) {
            return ConfigValue.of(s.toString());
        }
        throw new IllegalArgumentException("unsupported config value type " + value.getClass().getName());
    }

    public static Object toAvro(ConfigValue value) {
        if (value == null) {
            return null;
        }
        if (value instanceof ConfigValue.BoolValue b) {
            return b.value();
        }
        if (value instanceof ConfigValue.LongValue l) {
            return l.value();
        }
        if (value instanceof ConfigValue.DoubleValue d) {
            return d.value();
        }
        return ((ConfigValue.StringValue) value).value();
    }
}
