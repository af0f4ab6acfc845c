package com.tradingcontrol.schemas.topics;

import com.tradingcontrol.schemas.avro.AuditRecord;
import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.avro.CommandOutcome;
import com.tradingcontrol.schemas.avro.ConfigSetting;
import com.tradingcontrol.schemas.avro.ControlState;
import com.tradingcontrol.schemas.avro.DeadLetter;
import com.tradingcontrol.schemas.avro.EngineReport;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.avro.HaltSignal;
import com.tradingcontrol.schemas.avro.ProfileStatus;
import com.tradingcontrol.schemas.registry.SchemaRegistryClient;
import com.tradingcontrol.schemas.serde.AvroSerdes;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;

/**
 * The immutable topic registry: every topic of the platform with its key and value serdes.
 * Values are Avro in the Confluent wire format, registered under {@code <topic>-value}.
 *
 * <p>Commands, events, outcomes and audit share one partition count: commands and events are
 * keyed by aggregate id and must be co-partitioned, and the audit chain of a processor task is
 * written to the audit partition of the same number.
 */
public final class Topics {
    private static final Duration DAYS_7 = Duration.ofDays(7);

    private final TopicSpec<String, CommandEnvelope> commands;
    private final TopicSpec<String, CommandEnvelope> keyedCommands;
    private final TopicSpec<String, EventEnvelope> events;
    private final TopicSpec<String, CommandOutcome> outcomes;
    private final TopicSpec<String, AuditRecord> audit;
    private final TopicSpec<String, ControlState> controlState;
    private final TopicSpec<String, ProfileStatus> profileState;
    private final TopicSpec<String, ConfigSetting> configState;
    private final TopicSpec<String, HaltSignal> haltSignals;
    private final TopicSpec<String, EngineReport> engineReports;
    private final TopicSpec<Bytes, DeadLetter> commandsDlq;
    private final Map<String, Schema> valueSchemas = new LinkedHashMap<>();

    public Topics(SchemaRegistryClient registry, int partitions) {
        Serde<String> key = Serdes.String();
        commands = avro(registry, TopicNames.COMMANDS, key, CommandEnvelope.class, partitions,
                TopicSpec.CleanupPolicy.DELETE, DAYS_7);
        keyedCommands = avro(registry, TopicNames.KEYED_COMMANDS, key, CommandEnvelope.class, partitions,
                TopicSpec.CleanupPolicy.DELETE, DAYS_7);
        events = avro(registry, TopicNames.EVENTS, key, EventEnvelope.class, partitions,
                TopicSpec.CleanupPolicy.DELETE, null);
        outcomes = avro(registry, TopicNames.COMMAND_OUTCOMES, key, CommandOutcome.class, partitions,
                TopicSpec.CleanupPolicy.DELETE, DAYS_7);
        audit = avro(registry, TopicNames.AUDIT, key, AuditRecord.class, partitions,
                TopicSpec.CleanupPolicy.DELETE, null);
        controlState = avro(registry, TopicNames.CONTROL_STATE, key, ControlState.class, partitions,
                TopicSpec.CleanupPolicy.COMPACT, null);
        profileState = avro(registry, TopicNames.PROFILE_STATE, key, ProfileStatus.class, partitions,
                TopicSpec.CleanupPolicy.COMPACT, null);
        configState = avro(registry, TopicNames.CONFIG_STATE, key, ConfigSetting.class, partitions,
                TopicSpec.CleanupPolicy.COMPACT, null);
        // Signals matter for seconds only: a client that starts later reads the state topic instead.
        haltSignals = avro(registry, TopicNames.HALT_SIGNALS, key, HaltSignal.class, 1,
                TopicSpec.CleanupPolicy.DELETE, Duration.ofDays(1));
        engineReports = avro(registry, TopicNames.ENGINE_REPORTS, key, EngineReport.class, partitions,
                TopicSpec.CleanupPolicy.DELETE, DAYS_7);
        commandsDlq = avro(registry, TopicNames.COMMANDS_DLQ, Serdes.Bytes(), DeadLetter.class, 1,
                TopicSpec.CleanupPolicy.DELETE, Duration.ofDays(14));
    }

    public TopicSpec<String, CommandEnvelope> commands() {
        return commands;
    }

    /** Commands with an Idempotency-Key, keyed by caller and key so every use of one key meets in one partition. */
    public TopicSpec<String, CommandEnvelope> keyedCommands() {
        return keyedCommands;
    }

    public TopicSpec<String, EventEnvelope> events() {
        return events;
    }

    public TopicSpec<String, CommandOutcome> outcomes() {
        return outcomes;
    }

    public TopicSpec<String, AuditRecord> audit() {
        return audit;
    }

    public TopicSpec<String, ControlState> controlState() {
        return controlState;
    }

    /** Compacted: every profile's enabled state, so an engine needs nothing but Kafka and the registry. */
    public TopicSpec<String, ProfileStatus> profileState() {
        return profileState;
    }

    /** Compacted: the value of every dynamic-config key that has been set. */
    public TopicSpec<String, ConfigSetting> configState() {
        return configState;
    }

    /** Fast halt path (one partition, so a client reads every signal in publication order). */
    public TopicSpec<String, HaltSignal> haltSignals() {
        return haltSignals;
    }

    /** Engine heartbeats and applied-control reports. */
    public TopicSpec<String, EngineReport> engineReports() {
        return engineReports;
    }

    public TopicSpec<Bytes, DeadLetter> commandsDlq() {
        return commandsDlq;
    }

    /**
     * The value schema of every topic, by topic name: what a registry holds under {@code <topic>-value}
     * (a registry seeded up front for processes that only read it registers exactly these).
     */
    public Map<String, Schema> valueSchemas() {
        return Collections.unmodifiableMap(valueSchemas);
    }

    private <K, V extends SpecificRecord> TopicSpec<K, V> avro(SchemaRegistryClient registry, String name, Serde<K> key,
                                                               Class<V> type, int partitions,
                                                               TopicSpec.CleanupPolicy cleanup, Duration retention) {
        valueSchemas.put(name, SpecificData.get().getSchema(type));
        return new TopicSpec<>(name, key, AvroSerdes.specific(registry, type, false), partitions, cleanup, retention);
    }

    public List<TopicSpec<?, ?>> all() {
        return List.of(commands, keyedCommands, events, outcomes, audit, controlState, profileState, configState,
                haltSignals, engineReports, commandsDlq);
    }
}
