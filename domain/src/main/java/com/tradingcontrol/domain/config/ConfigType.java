package com.tradingcontrol.domain.config;

import com.tradingcontrol.domain.ConfigValue;

/** Catalogue types. ENUM is a string restricted to the entry's allowed values. */
public enum ConfigType {
    BOOLEAN(ConfigValue.Kind.BOOLEAN),
    LONG(ConfigValue.Kind.LONG),
    DOUBLE(ConfigValue.Kind.DOUBLE),
    STRING(ConfigValue.Kind.STRING),
    ENUM(ConfigValue.Kind.STRING);

    private final ConfigValue.Kind valueKind;

    ConfigType(ConfigValue.Kind valueKind) {
        this.valueKind = valueKind;
    }

    /** The kind of {@link ConfigValue} a key of this type holds. */
    public ConfigValue.Kind valueKind() {
        return valueKind;
    }

    public boolean isNumeric() {
        return this == LONG || this == DOUBLE;
    }
}
