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
import java.util.List;
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

    public Topics(SchemaRegistryClient registry, int partitions) {
        Serde<String> key = Serdes.String();
        commands = new TopicSpec<>(TopicNames.COMMANDS, key,
                AvroSerdes.specific(registry, CommandEnvelope.class, false), partitions,
                TopicSpec.CleanupPolicy.DELETE, DAYS_7);
        keyedCommands = new TopicSpec<>(TopicNames.KEYED_COMMANDS, key,
                AvroSerdes.specific(registry, CommandEnvelope.class, false), partitions,
                TopicSpec.CleanupPolicy.DELETE, DAYS_7);
        events = new TopicSpec<>(TopicNames.EVENTS, key,
                AvroSerdes.specific(registry, EventEnvelope.class, false), partitions,
                TopicSpec.CleanupPolicy.DELETE, null);
        outcomes = new TopicSpec<>(TopicNames.COMMAND_OUTCOMES, key,
                AvroSerdes.specific(registry, CommandOutcome.class, false), partitions,
                TopicSpec.CleanupPolicy.DELETE, DAYS_7);
        audit = new TopicSpec<>(TopicNames.AUDIT, key,
                AvroSerdes.specific(registry, AuditRecord.class, false), partitions,
                TopicSpec.CleanupPolicy.DELETE, null);
        controlState = new TopicSpec<>(TopicNames.CONTROL_STATE, key,
                AvroSerdes.specific(registry, ControlState.class, false), partitions,
                TopicSpec.CleanupPolicy.COMPACT, null);
        profileState = new TopicSpec<>(TopicNames.PROFILE_STATE, key,
                AvroSerdes.specific(registry, ProfileStatus.class, false), partitions,
                TopicSpec.CleanupPolicy.COMPACT, null);
        configState = new TopicSpec<>(TopicNames.CONFIG_STATE, key,
                AvroSerdes.specific(registry, ConfigSetting.class, false), partitions,
                TopicSpec.CleanupPolicy.COMPACT, null);
        // Signals matter for seconds only: a client that starts later reads the state topic instead.
        haltSignals = new TopicSpec<>(TopicNames.HALT_SIGNALS, key,
                AvroSerdes.specific(registry, HaltSignal.class, false), 1,
                TopicSpec.CleanupPolicy.DELETE, Duration.ofDays(1));
        engineReports = new TopicSpec<>(TopicNames.ENGINE_REPORTS, key,
                AvroSerdes.specific(registry, EngineReport.class, false), partitions,
                TopicSpec.CleanupPolicy.DELETE, DAYS_7);
        commandsDlq = new TopicSpec<>(TopicNames.COMMANDS_DLQ, Serdes.Bytes(),
                AvroSerdes.specific(registry, DeadLetter.class, false), 1,
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

    public List<TopicSpec<?, ?>> all() {
        return List.of(commands, keyedCommands, events, outcomes, audit, controlState, profileState, configState,
                haltSignals, engineReports, commandsDlq);
    }
}
