package com.tradingcontrol.domain;

/** Trading modes, declared from least to most restrictive; the ordinal order is the contract. */
public enum ControlMode {
    ACTIVE,
    REDUCE_ONLY,
    PAUSED,
    HALTED;

    public boolean isMoreRestrictiveThan(ControlMode other) {
        return compareTo(other) > 0;
    }

    public static ControlMode mostRestrictive(ControlMode a, ControlMode b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
