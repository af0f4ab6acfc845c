package com.tradingcontrol.domain.control;

import com.tradingcontrol.domain.ControlMode;

import java.util.List;

/**
 * The mode that applies to a (tenant, profile, symbol) and why.
 *
 * @param causes every control that applies, most restrictive first; the first one determines
 *               {@code mode}. Empty when {@code mode} is ACTIVE.
 */
public record EffectiveMode(ControlMode mode, boolean maintenance, List<Cause> causes) {

    public EffectiveMode {
        causes = List.copyOf(causes);
    }

    /** "kill switch engaged: effective mode stays HALTED", or null when nothing restricts trading. */
    public String staysRestrictedNote() {
        if (causes.isEmpty()) {
            return null;
        }
        return causes.get(0).describe() + ": effective mode stays " + mode;
    }
}
