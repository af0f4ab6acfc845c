package com.tradingcontrol.processors.topology;

import static com.tradingcontrol.processors.topology.TestCommands.OPERATOR;
import static com.tradingcontrol.processors.topology.TestCommands.keyed;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.schemas.avro.Actor;
import com.tradingcontrol.schemas.avro.AuditRecord;
import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.avro.CommandOutcome;
import com.tradingcontrol.schemas.avro.ControlState;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.avro.OutcomeStatus;
import com.tradingcontrol.schemas.topics.KeyedCommands;
import com.tradingcontrol.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Idempotency-Key is bound to the first request that used it: the same request again gets the same
 * outcome, a different one (another endpoint, aggregate or body) is rejected and changes nothing.
 */
class IdempotencyGateTopologyTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path stateDir;

    private Topics topics;
    private TopologyTestDriver driver;
    private TopologyHarness harness;
    private TestInputTopic<String, CommandEnvelope> keyedCommands;
    private TestInputTopic<String, CommandEnvelope> commands;
    private TestOutputTopic<String, EventEnvelope> events;
    private TestOutputTopic<String, CommandOutcome> outcomes;
    private TestOutputTopic<String, AuditRecord> audit;
    private TestOutputTopic<String, ControlState> state;

    @BeforeEach
    void start() {
        harness = new TopologyHarness("tcp-idem-test", stateDir, TestCommands.VERIFIER, T0);
        topics = harness.topics;
        driver = harness.driver;
        keyedCommands = harness.keyedCommands;
        commands = harness.commands;
        events = harness.events;
        outcomes = harness.outcomes;
        audit = harness.audit;
        state = harness.state;
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void theSameRequestAgainGetsTheSameOutcomeAndNoSecondChange() {
        CommandEnvelope pause = keyed("id-f1", OPERATOR, T0, TestCommands.pause("symbol:AAPL", "news", null), "K1", "f1");
        send(pause);
        send(pause);

        List<CommandOutcome> decided = outcomes.readValuesToList();
        assertThat(decided).hasSize(2);
        assertThat(decided.get(1)).isEqualTo(decided.get(0));
        assertThat(decided.get(0).getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);
        assertThat(events.readValuesToList()).hasSize(1);
        assertThat(audit.readValuesToList()).hasSize(1);
    }

    @Test
    void aKeyReusedForAnotherEndpointAndAggregateIsRejectedAndTheKillSwitchStaysOff() {
        // The case: a pause with key K, then the kill switch with K. The kill switch addresses
        // 'global', which trading.commands may hold in another partition than the pause's tenant.
        send(keyed("id-pause", OPERATOR, T0, TestCommands.pause("tenant:t1", "fills", null), "K", "fp-pause"));
        List<ControlState> before = state.readValuesToList();
        send(keyed("id-kill", OPERATOR, T0, TestCommands.engage("halt now"), "K", "fp-kill"));

        List<CommandOutcome> decided = outcomes.readValuesToList();
        assertThat(decided).extracting(CommandOutcome::getCommandId).containsExactly("id-pause", "id-kill");
        CommandOutcome kill = decided.get(1);
        assertThat(kill.getStatus()).isEqualTo(OutcomeStatus.REJECTED);
        assertThat(kill.getCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(kill.getAggregateId()).isEqualTo("global");
        assertThat(kill.getMessage()).contains("'K'").contains("id-pause").contains("nothing was changed");
        assertThat(before).hasSize(1);
        assertThat(state.isEmpty()).as("no control state changed by the rejected kill switch").isTrue();
        assertThat(events.readValuesToList()).hasSize(1).allSatisfy(e -> assertThat(e.getAggregateId())
                .isEqualTo("tenant:t1"));
        List<AuditRecord> records = audit.readValuesToList();
        assertThat(records).extracting(AuditRecord::getCode).containsExactly(null, "IDEMPOTENCY_KEY_REUSED");

        // Retrying the rejected request gets the same rejection, still without effect.
        send(keyed("id-kill", OPERATOR, T0, TestCommands.engage("halt now"), "K", "fp-kill"));
        assertThat(outcomes.readValue()).isEqualTo(kill);
        assertThat(events.isEmpty()).isTrue();
    }

    @Test
    void aKeyReusedWithAnotherBodyOnTheSameAggregateIsRejected() {
        send(keyed("id-a", OPERATOR, T0, TestCommands.pause("symbol:MSFT", "a", null), "K2", "fp-a"));
        send(keyed("id-b", OPERATOR, T0, TestCommands.resume("symbol:MSFT", "b"), "K2", "fp-b"));

        assertThat(outcomes.readValuesToList()).extracting(CommandOutcome::getCode)
                .containsExactly(null, "IDEMPOTENCY_KEY_REUSED");
        assertThat(events.readValuesToList()).hasSize(1);
    }

    @Test
    void keysAreScopedToTheCallerAndAForgedRequestCannotPinAVictimsKey() {
        Actor other = new Actor("otto", null, List.of("operator"));
        CommandEnvelope forged = TestCommands.unsigned("id-x", OPERATOR, T0, TestCommands.engage("mine"));
        forged.setIdempotency(new com.tradingcontrol.schemas.avro.IdempotencyBinding("K3", "fp-forged"));
        send(forged);
        send(keyed("id-1", OPERATOR, T0, TestCommands.pause("symbol:A", "r", null), "K3", "fp-1"));
        send(keyed("id-2", other, T0, TestCommands.pause("symbol:B", "r", null), "K3", "fp-2"));

        assertThat(outcomes.readValuesToList()).extracting(CommandOutcome::getCode)
                .containsExactly("UNAUTHENTICATED_COMMAND", null, null);
        assertThat(events.readValuesToList()).hasSize(2);
    }

    @Test
    void aKeyedCommandWrittenStraightToTradingCommandsBypassingTheGateIsRefusedEvenWithAForgedVerdict() {
        CommandEnvelope kill = keyed("id-k", OPERATOR, T0, TestCommands.engage("replayed"), "K4", "fp-k");
        commands.pipeInput("global", kill);
        RecordHeaders forged = new RecordHeaders();
        forged.add(GateVerdicts.VERDICT_HEADER, "admitted".getBytes(StandardCharsets.UTF_8));
        forged.add(GateVerdicts.MAC_HEADER, new byte[32]);
        commands.pipeInput(new TestRecord<>("global", kill, forged));

        assertThat(outcomes.readValuesToList()).extracting(CommandOutcome::getCode)
                .containsExactly("UNAUTHENTICATED_COMMAND", "UNAUTHENTICATED_COMMAND");
        assertThat(events.isEmpty()).isTrue();
        assertThat(state.isEmpty()).isTrue();

        // The same command through the gate is decided normally: the refusals did not occupy its id.
        send(kill);
        assertThat(outcomes.readValue().getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);
    }

    @Test
    void aForgedReusedVerdictCannotRefuseAGenuineCommand() {
        CommandEnvelope pause = TestCommands.envelope("id-plain", OPERATOR, T0,
                TestCommands.pause("symbol:Z", "r", null));
        RecordHeaders forged = new RecordHeaders();
        forged.add(GateVerdicts.VERDICT_HEADER, "reused".getBytes(StandardCharsets.UTF_8));
        forged.add(GateVerdicts.FIRST_COMMAND_HEADER, "x".getBytes(StandardCharsets.UTF_8));
        forged.add(GateVerdicts.MAC_HEADER, new byte[32]);
        commands.pipeInput(new TestRecord<>("symbol:Z", pause, forged));

        assertThat(outcomes.readValue().getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);
    }

    private void send(CommandEnvelope command) {
        keyedCommands.pipeInput(KeyedCommands.recordKey(command.getActor().getSubject(),
                command.getIdempotency().getKey()), command);
    }
}
