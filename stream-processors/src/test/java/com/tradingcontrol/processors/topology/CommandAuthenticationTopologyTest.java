package com.tradingcontrol.processors.topology;

import static com.tradingcontrol.processors.topology.TestCommands.ADMIN;
import static com.tradingcontrol.processors.topology.TestCommands.OPERATOR;
import static com.tradingcontrol.processors.topology.TestCommands.envelope;
import static com.tradingcontrol.processors.topology.TestCommands.unsigned;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.codec.audit.AuditChainVerifier;
import com.tradingcontrol.schemas.avro.Actor;
import com.tradingcontrol.schemas.avro.AuditRecord;
import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.avro.CommandOutcome;
import com.tradingcontrol.schemas.avro.CommandSignature;
import com.tradingcontrol.schemas.avro.ControlState;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.avro.OutcomeStatus;
import com.tradingcontrol.schemas.signing.CommandKeys;
import com.tradingcontrol.schemas.signing.CommandSigner;
import com.tradingcontrol.schemas.signing.CommandVerifier;
import com.tradingcontrol.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands not signed by a trusted API key are rejected, audited and counted, and change nothing. */
class CommandAuthenticationTopologyTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Actor FORGED_ADMIN = new Actor("mallory", null, List.of("admin"));

    @TempDir
    Path stateDir;

    private Topics topics;
    private TopologyTestDriver driver;
    private TopologyHarness harness;
    private TestInputTopic<String, CommandEnvelope> commands;
    private TestOutputTopic<String, EventEnvelope> events;
    private TestOutputTopic<String, CommandOutcome> outcomes;
    private TestOutputTopic<String, AuditRecord> audit;
    private TestOutputTopic<String, ControlState> state;

    private void start(CommandVerifier trusted) {
        harness = new TopologyHarness("tcp-auth-test", stateDir, trusted, T0);
        topics = harness.topics;
        driver = harness.driver;
        commands = harness.commands;
        events = harness.events;
        outcomes = harness.outcomes;
        audit = harness.audit;
        state = harness.state;
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void unsignedUnknownKeyForgedAndTamperedCommandsAreRejectedAuditedAndCountedWithoutEffect() {
        start(TestCommands.VERIFIER);
        byte[] attacker = CommandKeys.generate();
        CommandEnvelope genuine = envelope("g1", OPERATOR, T0, TestCommands.pause("symbol:AAPL", "news", null));
        CommandEnvelope tampered = CommandEnvelope.newBuilder(genuine).setCommandId("t1")
                .setActor(FORGED_ADMIN).build();
        CommandEnvelope forged = new CommandSigner(TestCommands.API_KEY_ID, attacker)
                .sign(unsigned("f1", FORGED_ADMIN, T0, TestCommands.engage("mine now")));
        CommandEnvelope unknownKey = new CommandSigner("attacker-key", attacker)
                .sign(unsigned("k1", FORGED_ADMIN, T0, TestCommands.engage("mine now")));
        CommandEnvelope wrongAlgorithm = CommandEnvelope.newBuilder(envelope("a1", FORGED_ADMIN, T0,
                TestCommands.engage("x"))).build();
        wrongAlgorithm.setSignature(new CommandSignature(TestCommands.API_KEY_ID, "none", ByteBuffer.allocate(0)));

        commands.pipeInput("global", unsigned("u1", FORGED_ADMIN, T0, TestCommands.engage("mine now")));
        commands.pipeInput("global", forged);
        commands.pipeInput("global", unknownKey);
        commands.pipeInput("global", wrongAlgorithm);
        commands.pipeInput("symbol:AAPL", tampered);

        List<CommandOutcome> decided = outcomes.readValuesToList();
        assertThat(decided).extracting(CommandOutcome::getCommandId).containsExactly("u1", "f1", "k1", "a1", "t1");
        assertThat(decided).allSatisfy(o -> {
            assertThat(o.getStatus()).isEqualTo(OutcomeStatus.REJECTED);
            assertThat(o.getCode()).isEqualTo("UNAUTHENTICATED_COMMAND");
            assertThat(o.getEventIds()).isEmpty();
        });
        assertThat(decided.get(0).getMessage()).contains("no signature");
        assertThat(decided.get(1).getMessage()).contains("does not match");
        assertThat(decided.get(2).getMessage()).contains("key id");
        assertThat(decided.get(4).getMessage()).contains("does not match");
        List<AuditRecord> records = audit.readValuesToList();
        assertThat(records).hasSize(5).allSatisfy(r -> {
            assertThat(r.getCode()).isEqualTo("UNAUTHENTICATED_COMMAND");
            assertThat(r.getAuditId()).startsWith("unauthenticated:");
            assertThat(r.getAfter()).isNull();
        });
        assertThat(AuditChainVerifier.verifyRecords("chain-0", records).isIntact()).isTrue();
        assertThat(events.isEmpty()).isTrue();
        assertThat(state.isEmpty()).isTrue();
        assertThat(refusedCount()).isEqualTo(5.0);

        commands.pipeInput("global", envelope("ok", ADMIN, T0, TestCommands.engage("real")));
        assertThat(outcomes.readValue().getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);
    }

    @Test
    void aForgeryClaimingAGenuineCommandIdNeitherReplacesItsOutcomeNorPreEmptsIt() {
        start(TestCommands.VERIFIER);
        Object pause = TestCommands.pause("global", "outage", null);
        commands.pipeInput("global", unsigned("c1", FORGED_ADMIN, T0, pause));
        assertThat(outcomes.readValue().getCode()).isEqualTo("UNAUTHENTICATED_COMMAND");

        commands.pipeInput("global", envelope("c1", OPERATOR, T0, pause));
        CommandOutcome genuine = outcomes.readValue();
        assertThat(genuine.getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);

        commands.pipeInput("global", unsigned("c1", FORGED_ADMIN, T0, TestCommands.resume("global", "x")));
        assertThat(outcomes.isEmpty()).as("the decided id keeps its one outcome").isTrue();
        List<AuditRecord> records = audit.readValuesToList();
        assertThat(records).extracting(AuditRecord::getAuditId).doesNotHaveDuplicates();
        assertThat(records).extracting(AuditRecord::getCode)
                .containsExactly("UNAUTHENTICATED_COMMAND", null, "UNAUTHENTICATED_COMMAND");
        assertThat(events.readValuesToList()).hasSize(1);
    }

    @Test
    void duringRotationBothTheOldAndTheNewKeyAreAccepted() {
        byte[] next = CommandKeys.generate();
        start(new CommandVerifier(Map.of(TestCommands.API_KEY_ID, TestCommands.API_KEY, "api-next", next)));
        commands.pipeInput("symbol:A", envelope("old", OPERATOR, T0, TestCommands.pause("symbol:A", "r", null)));
        commands.pipeInput("symbol:B", new CommandSigner("api-next", next)
                .sign(unsigned("new", OPERATOR, T0, TestCommands.pause("symbol:B", "r", null))));

        assertThat(outcomes.readValuesToList()).extracting(CommandOutcome::getStatus)
                .containsExactly(OutcomeStatus.ACCEPTED, OutcomeStatus.ACCEPTED);
        assertThat(events.readValuesToList()).hasSize(2);
        assertThat(refusedCount()).isZero();
    }

    private double refusedCount() {
        return driver.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals(CommandAuthentication.METRIC_OPERATION + "-total"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).sum();
    }
}
