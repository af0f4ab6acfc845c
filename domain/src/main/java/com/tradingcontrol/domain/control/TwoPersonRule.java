package com.tradingcontrol.domain.control;

import com.tradingcontrol.domain.ConfigValue;

/**
 * Which actions need two admins, from the dynamic config (so changing the rule is itself an
 * admin-only, audited config command). Only releasing the kill switch is covered; it is on unless
 * the key says otherwise.
 *
 * @param killSwitchRelease true: a release is a proposal that a different admin must approve; false:
 *                          a release by one admin takes effect at once
 */
public record TwoPersonRule(boolean killSwitchRelease) {

    /** The catalogue key (BOOLEAN, default true, admin only). */
    public static final String KILL_SWITCH_RELEASE_KEY = "control.twoPerson.killSwitchRelease";

    /** The rule while nobody has changed the key: the catalogue default. */
    public static final TwoPersonRule DEFAULT = new TwoPersonRule(true);

    /** @param value the key's value in force, or null when it was never set */
    public static TwoPersonRule of(ConfigValue value) {
        return value instanceof ConfigValue.BoolValue b ? new TwoPersonRule(b.value()) : DEFAULT;
    }
}
