package com.tradingcontrol.api.ports;

import java.util.List;

/** The most restrictive mode for (tenant, profile, symbol) and the controls that make it so. */
public record EffectiveMode(String mode, List<ControlView> because) {
    public EffectiveMode {
        because = List.copyOf(because);
    }
}
