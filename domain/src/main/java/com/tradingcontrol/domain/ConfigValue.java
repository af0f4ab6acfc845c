package com.tradingcontrol.domain;

/** A typed dynamic-config value. Whether it fits a key is decided by the catalogue entry. */
public sealed interface ConfigValue
        permits ConfigValue.BoolValue, ConfigValue.LongValue, ConfigValue.DoubleValue, ConfigValue.StringValue {

    /** The wire-level kind; the catalogue's ENUM keys carry {@link Kind#STRING} values. */
    enum Kind { BOOLEAN, LONG, DOUBLE, STRING }

    Kind kind();

    /** The value as text, for human messages. */
    String display();

    static ConfigValue of(boolean value) {
        return new BoolValue(value);
    }

    static ConfigValue of(long value) {
        return new LongValue(value);
    }

    static ConfigValue of(double value) {
        return new DoubleValue(value);
    }

    static ConfigValue of(String value) {
        return new StringValue(value);
    }

    record BoolValue(boolean value) implements ConfigValue {
        @Override
        public Kind kind() {
            return Kind.BOOLEAN;
        }

        @Override
        public String display() {
            return Boolean.toString(value);
        }
    }

    record LongValue(long value) implements ConfigValue {
        @Override
        public Kind kind() {
            return Kind.LONG;
        }

        @Override
        public String display() {
            return Long.toString(value);
        }
    }

    record DoubleValue(double value) implements ConfigValue {
        @Override
        public Kind kind() {
            return Kind.DOUBLE;
        }

        @Override
        public String display() {
            return Double.toString(value);
        }
    }

    record StringValue(String value) implements ConfigValue {
        @Override
        public Kind kind() {
            return Kind.STRING;
        }

        @Override
        public String display() {
            return "'" + value + "'";
        }
    }
}
