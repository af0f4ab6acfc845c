package com.tradingcontrol.processors.topology;

import com.tradingcontrol.codec.InvalidCommandException;
import static com.tradingcontrol.processors.topology.TestCommands.ADMIN;
import static com.tradingcontrol.processors.topology.TestCommands.OPERATOR;
import static com.tradingcontrol.processors.topology.TestCommands.customer;
import static com.tradingcontrol.processors.topology.TestCommands.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.codec.audit.AuditChainVerifier;
import com.tradingcontrol.codec.audit.AuditEntry;
import com.tradingcontrol.codec.audit.ChainVerification;
import com.tradingcontrol.schemas.avro.Actor;
import com.tradingcontrol.schemas.avro.AuditRecord;
import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.avro.CommandOutcome;
import com.tradingcontrol.schemas.avro.ControlMode;
import com.tradingcontrol.schemas.avro.ControlState;
import com.tradingcontrol.schemas.avro.DeadLetter;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.avro.OutcomeStatus;
import com.tradingcontrol.schemas.avro.PauseExpired;
import com.tradingcontrol.schemas.avro.TradingPaused;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.topics.TopicNames;
import com.tradingcontrol.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlPlaneTopologyTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path stateDir;

    private Topics topics;
    private TopologyTestDriver driver;
    private TestInputTopic<String, CommandEnvelope> commands;
    private TestInputTopic<String, byte[]> rawCommands;
    private TestOutputTopic<String, EventEnvelope> events;
    private TestOutputTopic<String, byte[]> outcomeBytes;
    private TestOutputTopic<String, AuditRecord> audit;
    private TestOutputTopic<String, ControlState> state;
    private TestOutputTopic<Bytes, DeadLetter> dlq;

    @BeforeEach
    void start() {
        startDriver(StreamsConfig.EXACTLY_ONCE_V2);
    }

    private void startDriver(String processingGuarantee) {
        topics = new Topics(InProcessSchemaRegistry.inMemory(), 3);
        StreamsBuilder builder = new StreamsBuilder();
        ControlPlaneTopology.build(builder, topics, TopologySettings.defaults(TestCommands.VERIFIER));
        Properties properties = StreamsSettings.properties("unused:9092", "tcp-test", topics, Duration.ofMillis(10),
                stateDir, 1);
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
        driver = new TopologyTestDriver(builder.build(), properties, T0);
        commands = driver.createInputTopic(TopicNames.COMMANDS, new StringSerializer(),
                topics.commands().valueSerde().serializer());
        rawCommands = driver.createInputTopic(TopicNames.COMMANDS, new StringSerializer(), new ByteArraySerializer());
        events = driver.createOutputTopic(TopicNames.EVENTS, new StringDeserializer(),
                topics.events().valueSerde().deserializer());
        outcomeBytes = driver.createOutputTopic(TopicNames.COMMAND_OUTCOMES, new StringDeserializer(),
                new ByteArrayDeserializer());
        audit = driver.createOutputTopic(TopicNames.AUDIT, new StringDeserializer(),
                topics.audit().valueSerde().deserializer());
        state = driver.createOutputTopic(TopicNames.CONTROL_STATE, new StringDeserializer(),
                topics.controlState().valueSerde().deserializer());
        dlq = driver.createOutputTopic(TopicNames.COMMANDS_DLQ, topics.commandsDlq().keySerde().deserializer(),
                topics.commandsDlq().valueSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void acceptedAndRejectedCommandsEachGetOneOutcomeAndOneAuditRecord() {
        send("global", "c1", OPERATOR, TestCommands.pause("global", "exchange outage", null));
        send("global", "c2", customer("u1"), TestCommands.pause("global", "I want to", null));

        List<CommandOutcome> outcomes = outcomes();
        assertThat(outcomes).extracting(CommandOutcome::getCommandId).containsExactly("c1", "c2");
        assertThat(outcomes.get(0).getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);
        assertThat(outcomes.get(0).getEventIds()).containsExactly("c1:0");
        assertThat(outcomes.get(0).getResultingVersion()).isEqualTo(1L);
        assertThat(outcomes.get(1).getStatus()).isEqualTo(OutcomeStatus.REJECTED);
        assertThat(outcomes.get(1).getCode()).isEqualTo("FORBIDDEN");
        assertThat(outcomes.get(1).getEventIds()).isEmpty();

        List<AuditRecord> records = audit.readValuesToList();
        assertThat(records).extracting(AuditRecord::getCommandId).containsExactly("c1", "c2");
        assertThat(records).extracting(AuditRecord::getOutcome)
                .containsExactly(OutcomeStatus.ACCEPTED, OutcomeStatus.REJECTED);
        assertThat(records.get(0).getReason()).isEqualTo("exchange outage");
        assertThat(records.get(0).getBefore()).contains("\"version\":0");
        assertThat(records.get(0).getAfter()).contains("\"version\":1", "exchange outage");
        assertThat(records.get(1).getCode()).isEqualTo("FORBIDDEN");
        assertThat(records.get(1).getProductId()).isEqualTo("u1");
        assertThat(records).extracting(AuditRecord::getChainId).containsOnly("chain-0");

        List<EventEnvelope> produced = events.readValuesToList();
        assertThat(produced).hasSize(1);
        assertThat(produced.get(0).getPayload()).isEqualTo(new TradingPaused("global", "exchange outage", null));
    }

    @Test
    void aDuplicateCommandIdGetsTheIdenticalOutcomeAndNoSecondEventOrAuditRecord() {
        CommandEnvelope pause = envelope("dup-1", OPERATOR, T0, TestCommands.pause("symbol:AAPL", "halt", null));
        commands.pipeInput("symbol:AAPL", pause);
        driver.advanceWallClockTime(Duration.ofSeconds(3));
        commands.pipeInput("symbol:AAPL", pause);

        List<TestRecord<String, byte[]>> raw = outcomeBytes.readRecordsToList();
        assertThat(raw).hasSize(2);
        assertThat(raw.get(1).value()).isEqualTo(raw.get(0).value());
        assertThat(raw.get(1).key()).isEqualTo("dup-1");
        assertThat(events.readValuesToList()).hasSize(1);
        assertThat(audit.readValuesToList()).hasSize(1);
    }

    @Test
    void aPoisonRecordLandsInTheDlqWithItsPositionAndTheNextRecordIsProcessed() {
        // TopologyTestDriver under exactly_once_v2 drops the dead-letter records that Kafka Streams
        // sends while deserializing (before the task's transaction is used); the real broker path is
        // covered by ProcessorServiceIT. Here the handler is checked under at_least_once.
        driver.close();
        startDriver(StreamsConfig.AT_LEAST_ONCE);
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
        rawCommands.pipeInput("global", garbage);
        send("global", "after-poison", OPERATOR, TestCommands.engage("incident"));

        List<DeadLetter> letters = dlq.readValuesToList();
        assertThat(letters).hasSize(1);
        DeadLetter letter = letters.get(0);
        assertThat(letter.getSourceTopic()).isEqualTo(TopicNames.COMMANDS);
        assertThat(letter.getSourcePartition()).isZero();
        assertThat(letter.getSourceOffset()).isZero();
        assertThat(bytes(letter.getValue())).isEqualTo(garbage);
        assertThat(bytes(letter.getKey())).isEqualTo("global".getBytes(StandardCharsets.UTF_8));
        assertThat(letter.getErrorClass()).isEqualTo(SerializationException.class.getName());
        assertThat(letter.getErrorMessage()).isNotBlank();
        assertThat(outcomes()).extracting(CommandOutcome::getCommandId).containsExactly("after-poison");
    }

    @Test
    void structurallyInvalidCommandsLandInTheDlqAndProcessingContinues() {
        send("tenant:u9", "wrong-key", OPERATOR, TestCommands.pause("global", "x", null));
        send("global", " ", OPERATOR, TestCommands.pause("global", "x", null));
        send("global", "fine", OPERATOR, TestCommands.pause("global", "x", null));

        List<TestRecord<Bytes, DeadLetter>> letters = dlq.readRecordsToList();
        assertThat(letters).hasSize(2);
        DeadLetter wrongKey = letters.get(0).value();
        assertThat(wrongKey.getErrorClass()).isEqualTo(InvalidCommandException.class.getName());
        assertThat(wrongKey.getErrorMessage()).contains("wrong-key", "tenant:u9", "global");
        assertThat(wrongKey.getSourceOffset()).isZero();
        assertThat(bytes(wrongKey.getKey())).isEqualTo("tenant:u9".getBytes(StandardCharsets.UTF_8));
        CommandEnvelope original = topics.commands().valueSerde().deserializer()
                .deserialize(TopicNames.COMMANDS, bytes(wrongKey.getValue()));
        assertThat(original.getCommandId()).isEqualTo("wrong-key");
        assertThat(letters.get(1).value().getErrorMessage()).contains("commandId");
        assertThat(letters.get(1).value().getSourceOffset()).isEqualTo(1);
        assertThat(outcomes()).extracting(CommandOutcome::getCommandId).containsExactly("fine");
        assertThat(audit.readValuesToList()).hasSize(1);
    }

    @Test
    void anInvalidScopeIsRejectedWithAnOutcomeAndAnAuditRecord() {
        send("bogus:x", "bad-scope", OPERATOR, TestCommands.pause("bogus:x", "x", null));

        List<CommandOutcome> outcomes = outcomes();
        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0).getCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(outcomes.get(0).getMessage()).contains("bogus:x");
        assertThat(audit.readValuesToList()).extracting(AuditRecord::getCode).containsExactly("VALIDATION_FAILED");
        assertThat(events.isEmpty()).isTrue();
    }

    @Test
    void theStateTopicHoldsTheLatestStatePerScope() {
        send("global", "s1", OPERATOR, TestCommands.pause("global", "open auction", null));
        send("tenant:u1", "s2", OPERATOR, TestCommands.pause("tenant:u1", "suspicious", null));
        send("global", "s3", OPERATOR, TestCommands.resume("global", "auction done"));
        send("global", "s4", OPERATOR, TestCommands.engage("market crash"));

        Map<String, ControlState> latest = state.readKeyValuesToMap();
        assertThat(latest).containsOnlyKeys("global", "tenant:u1");
        ControlState global = latest.get("global");
        assertThat(global.getMode()).isEqualTo(ControlMode.HALTED);
        assertThat(global.getKillSwitch()).isTrue();
        assertThat(global.getVersion()).isEqualTo(3);
        assertThat(global.getLastEventId()).isEqualTo("s4:0");
        assertThat(global.getSetBy()).isEqualTo("olga");
        assertThat(global.getReason()).isEqualTo("market crash");
        ControlState tenant = latest.get("tenant:u1");
        assertThat(tenant.getMode()).isEqualTo(ControlMode.PAUSED);
        assertThat(tenant.getVersion()).isEqualTo(1);
    }

    @Test
    void eventsCarryDeterministicIdsAndGaplessPerAggregateSequences() {
        send("global", "g1", OPERATOR, TestCommands.pause("global", "a", null));
        send("config:risk.maxOpenOrders", "k1", ADMIN, TestCommands.config("risk.maxOpenOrders", 100L));
        send("global", "g2", OPERATOR, TestCommands.resume("global", "b"));
        send("global", "g3", OPERATOR, TestCommands.resume("global", "no-op: not paused"));
        send("config:risk.maxOpenOrders", "k2", ADMIN, TestCommands.config("risk.maxOpenOrders", 200L));
        send("global", "g4", OPERATOR, TestCommands.engage("c"));

        List<EventEnvelope> all = events.readValuesToList();
        assertThat(all).filteredOn(e -> e.getAggregateId().equals("global"))
                .extracting(EventEnvelope::getSequence).containsExactly(1L, 2L, 3L);
        assertThat(all).filteredOn(e -> e.getAggregateId().equals("global"))
                .extracting(EventEnvelope::getEventId).containsExactly("g1:0", "g2:0", "g4:0");
        assertThat(all).filteredOn(e -> e.getAggregateId().equals("config:risk.maxOpenOrders"))
                .extracting(EventEnvelope::getSequence).containsExactly(1L, 2L);
        CommandOutcome noOp = outcomes().stream().filter(o -> o.getCommandId().equals("g3")).findFirst().orElseThrow();
        assertThat(noOp.getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);
        assertThat(noOp.getEventIds()).isEmpty();
        assertThat(noOp.getMessage()).contains("not paused");
    }

    @Test
    void aTimedPauseExpiresThroughAnAuditedSystemEventWhenWallClockTimePasses() {
        send("symbol:TSLA", "p1", OPERATOR, TestCommands.pause("symbol:TSLA", "news pending", T0.plusSeconds(60)));
        events.readValuesToList();
        audit.readValuesToList();

        driver.advanceWallClockTime(Duration.ofSeconds(30));
        assertThat(events.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofSeconds(31));

        List<EventEnvelope> expired = events.readValuesToList();
        assertThat(expired).hasSize(1);
        EventEnvelope event = expired.get(0);
        assertThat(event.getPayload()).isEqualTo(new PauseExpired("symbol:TSLA", T0.plusSeconds(60)));
        assertThat(event.getActor().getSubject()).isEqualTo("system");
        assertThat(event.getSequence()).isEqualTo(2);
        assertThat(event.getEventId()).isEqualTo("expiry:symbol:TSLA:2:0");
        List<AuditRecord> records = audit.readValuesToList();
        assertThat(records).hasSize(1);
        assertThat(records.get(0).getAction()).isEqualTo("PauseExpired");
        assertThat(records.get(0).getActor().getSubject()).isEqualTo("system");
        assertThat(records.get(0).getChainSequence()).isEqualTo(2);
        assertThat(state.readKeyValuesToMap().get("symbol:TSLA").getMode()).isEqualTo(ControlMode.ACTIVE);

        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertThat(events.isEmpty()).isTrue();
    }

    @Test
    void enablingAProfileWhileTheKillSwitchIsEngagedSaysTradingStaysHalted() {
        send("global", "ks", OPERATOR, TestCommands.engage("crash"));
        send("profile:u1:p1", "cp", customer("u1"), TestCommands.createProfile("u1", "p1"));
        send("profile:u1:p1", "ep", customer("u1"), TestCommands.enableProfile("u1", "p1"));
        send("profile:u2:p1", "other", customer("u1"), TestCommands.enableProfile("u2", "p1"));

        List<CommandOutcome> outcomes = outcomes();
        CommandOutcome enabled = outcomes.get(2);
        assertThat(enabled.getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);
        assertThat(enabled.getMessage()).contains("HALTED");
        assertThat(outcomes.get(3).getCode()).isEqualTo("TENANT_MISMATCH");
        List<AuditRecord> records = audit.readValuesToList();
        assertThat(records.get(3).getProductId()).isEqualTo("u1");
    }

    @Test
    void theAuditChainVerifiesAndBreaksAtTheAlteredRecord() {
        send("global", "a1", OPERATOR, TestCommands.pause("global", "one", null));
        send("global", "a2", customer("u1"), TestCommands.engage("nope"));
        send("global", "a3", OPERATOR, TestCommands.engage("two"));
        send("global", "a4", ADMIN, TestCommands.release("three"));
        List<AuditRecord> chain = audit.readValuesToList();

        ChainVerification ok = AuditChainVerifier.verifyRecords("chain-0", chain);
        assertThat(ok.isIntact()).isTrue();
        assertThat(((ChainVerification.Intact) ok).records()).isEqualTo(4);

        List<AuditEntry> tampered = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            AuditRecord record = chain.get(i);
            if (i == 2) {
                record = AuditRecord.newBuilder(record).setActor(new Actor("mallory", null, List.of("admin"))).build();
            }
            tampered.add(new AuditEntry(100 + i, record));
        }
        ChainVerification.Broken broken = (ChainVerification.Broken) AuditChainVerifier.verify("chain-0", tampered);
        assertThat(broken.kind()).isEqualTo(ChainVerification.Kind.ALTERED);
        assertThat(broken.chainSequence()).isEqualTo(3);
        assertThat(broken.offset()).isEqualTo(102);
    }

    private void send(String key, String commandId, Actor actor, Object payload) {
        commands.pipeInput(key, envelope(commandId, actor, T0, payload));
    }

    private List<CommandOutcome> outcomes() {
        List<CommandOutcome> decoded = new ArrayList<>();
        for (byte[] value : outcomeBytes.readValuesToList()) {
            decoded.add(topics.outcomes().valueSerde().deserializer().deserialize(TopicNames.COMMAND_OUTCOMES, value));
        }
        return decoded;
    }

    private static byte[] bytes(java.nio.ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}
