package com.tradingcontrol.processors.topology;

import com.tradingcontrol.schemas.avro.AuditRecord;
import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.avro.CommandOutcome;
import com.tradingcontrol.schemas.avro.ConfigSetting;
import com.tradingcontrol.schemas.avro.ControlState;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.avro.ProfileStatus;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.signing.CommandVerifier;
import com.tradingcontrol.schemas.topics.TopicNames;
import com.tradingcontrol.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The whole topology on a TopologyTestDriver with its input and output topics, for the topology tests. */
final class TopologyHarness implements AutoCloseable {
    final Topics topics = new Topics(InProcessSchemaRegistry.inMemory(), 3);
    final TopologyTestDriver driver;
    final TestInputTopic<String, CommandEnvelope> commands;
    final TestInputTopic<String, CommandEnvelope> keyedCommands;
    final TestOutputTopic<String, EventEnvelope> events;
    final TestOutputTopic<String, CommandOutcome> outcomes;
    final TestOutputTopic<String, AuditRecord> audit;
    final TestOutputTopic<String, ControlState> state;
    final TestOutputTopic<String, ProfileStatus> profileState;
    final TestOutputTopic<String, ConfigSetting> configState;

    /** @param trusted the command keys the processors verify against; {@code start} the driver's clock */
    TopologyHarness(String applicationId, Path stateDir, CommandVerifier trusted, Instant start) {
        StreamsBuilder builder = new StreamsBuilder();
        ControlPlaneTopology.build(builder, topics, TopologySettings.defaults(trusted));
        driver = new TopologyTestDriver(builder.build(), StreamsSettings.properties("unused:9092", applicationId,
                topics, Duration.ofMillis(10), stateDir, 1), start);
        commands = driver.createInputTopic(TopicNames.COMMANDS, new StringSerializer(),
                topics.commands().valueSerde().serializer());
        keyedCommands = driver.createInputTopic(TopicNames.KEYED_COMMANDS, new StringSerializer(),
                topics.keyedCommands().valueSerde().serializer());
        events = driver.createOutputTopic(TopicNames.EVENTS, new StringDeserializer(),
                topics.events().valueSerde().deserializer());
        outcomes = driver.createOutputTopic(TopicNames.COMMAND_OUTCOMES, new StringDeserializer(),
                topics.outcomes().valueSerde().deserializer());
        audit = driver.createOutputTopic(TopicNames.AUDIT, new StringDeserializer(),
                topics.audit().valueSerde().deserializer());
        state = driver.createOutputTopic(TopicNames.CONTROL_STATE, new StringDeserializer(),
                topics.controlState().valueSerde().deserializer());
        profileState = driver.createOutputTopic(TopicNames.PROFILE_STATE, new StringDeserializer(),
                topics.profileState().valueSerde().deserializer());
        configState = driver.createOutputTopic(TopicNames.CONFIG_STATE, new StringDeserializer(),
                topics.configState().valueSerde().deserializer());
    }

    /** Reads (and so forgets) everything written to the events, outcomes, audit and state topics so far. */
    void drain() {
        events.readValuesToList();
        outcomes.readValuesToList();
        audit.readValuesToList();
        state.readKeyValuesToMap();
    }

    @Override
    public void close() {
        driver.close();
    }
}
