package com.tradingcontrol.schemas.topics;

/** The topic names: the contract with downstream consumers (see docs/topics.md). */
public final class TopicNames {
    public static final String COMMANDS = "trading.commands";
    public static final String EVENTS = "trading.events";
    public static final String COMMAND_OUTCOMES = "trading.command-outcomes";
    public static final String AUDIT = "trading.audit";
    public static final String CONTROL_STATE = "trading.control-state";
    /** Compacted: every profile's enabled state (key {@code profile:<tenantId>:<profileId>}). */
    public static final String PROFILE_STATE = "trading.profile-state";
    /** Compacted: every dynamic-config key that has been set (key: the catalogue key). */
    public static final String CONFIG_STATE = "trading.config-state";
    /** Fast halt path: restricting commands announced by the API before they are decided (key: scope). */
    public static final String HALT_SIGNALS = "trading.halt-signals";
    /** Engine heartbeats and applied-control reports written by control clients (key: engineId). */
    public static final String ENGINE_REPORTS = "trading.engine-reports";
    public static final String COMMANDS_DLQ = "trading.commands.dlq";
    /** Commands carrying an Idempotency-Key, keyed by {@link KeyedCommands#recordKey}; the processors' gate forwards them. */
    public static final String KEYED_COMMANDS = "trading.keyed-commands";

    private TopicNames() {
    }
}
