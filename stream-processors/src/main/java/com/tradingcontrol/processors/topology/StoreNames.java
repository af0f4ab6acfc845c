package com.tradingcontrol.processors.topology;

import java.util.List;

/** State store names; they also name the changelog topics ({@code <application.id>-<store>-changelog}). */
public final class StoreNames {
    public static final String CONTROL_STATES = "control-states";
    public static final String CONFIG_STATES = "config-states";
    public static final String PROFILE_STATES = "profile-states";
    /** commandId -> the outcome recorded for it (idempotency). */
    public static final String PROCESSED_COMMANDS = "processed-commands";
    /** chainId -> head of that audit chain. */
    public static final String AUDIT_CHAIN_HEADS = "audit-chain-heads";
    /** {@code <key>@<subject>} -> "{@code <fingerprint> <first command id>}" (Idempotency-Key bindings, the gate's). */
    public static final String IDEMPOTENCY_KEYS = "idempotency-keys";
    /** Global (replicated) store over trading.control-state: scope -> latest ControlState. */
    public static final String CONTROL_VIEW = "control-view";
    /** Global store over trading.profile-state: profile aggregate id -> latest ProfileStatus published. */
    public static final String PROFILE_STATE_VIEW = "profile-state-view";
    /** Global store over trading.config-state: catalogue key -> latest ConfigSetting published. */
    public static final String CONFIG_STATE_VIEW = "config-state-view";

    static final List<String> COMMAND_PROCESSOR_STORES =
            List.of(CONTROL_STATES, CONFIG_STATES, PROFILE_STATES, PROCESSED_COMMANDS, AUDIT_CHAIN_HEADS);

    private StoreNames() {
    }
}
