package com.tradingcontrol.processors.topology;

import static com.tradingcontrol.processors.topology.TestCommands.OPERATOR;
import static com.tradingcontrol.processors.topology.TestCommands.customer;
import static com.tradingcontrol.processors.topology.TestCommands.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.schemas.avro.Actor;
import com.tradingcontrol.schemas.avro.ActiveControl;
import com.tradingcontrol.schemas.avro.AuditRecord;
import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.avro.CommandOutcome;
import com.tradingcontrol.schemas.avro.ControlKind;
import com.tradingcontrol.schemas.avro.ControlMode;
import com.tradingcontrol.schemas.avro.ControlState;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.avro.LiftReduceOnly;
import com.tradingcontrol.schemas.avro.OutcomeStatus;
import com.tradingcontrol.schemas.avro.ReduceOnlyExpired;
import com.tradingcontrol.schemas.avro.ReduceOnlyLifted;
import com.tradingcontrol.schemas.avro.ReduceOnlySet;
import com.tradingcontrol.schemas.avro.SetReduceOnly;
import com.tradingcontrol.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reduce-only through the whole topology: event, outcome, audit record and the control-state record. */
class ReduceOnlyTopologyTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final String SCOPE = "strategy:u1:p1";

    @TempDir
    Path stateDir;

    private Topics topics;
    private TopologyTestDriver driver;
    private TestInputTopic<String, CommandEnvelope> commands;
    private TestOutputTopic<String, EventEnvelope> events;
    private TestOutputTopic<String, CommandOutcome> outcomes;
    private TopologyHarness harness;
    private TestOutputTopic<String, AuditRecord> audit;
    private TestOutputTopic<String, ControlState> state;

    @BeforeEach
    void start() {
        harness = new TopologyHarness("tcp-test", stateDir, TestCommands.VERIFIER, T0);
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
        harness.close();
    }

    @Test
    void settingReduceOnlyYieldsItsEventOutcomeAuditRecordAndAReduceOnlyStateRecord() {
        send("r1", OPERATOR, new SetReduceOnly(SCOPE, "drawdown limit", null));

        assertThat(events.readValuesToList()).extracting(EventEnvelope::getPayload)
                .containsExactly(new ReduceOnlySet(SCOPE, "drawdown limit", null));
        CommandOutcome outcome = outcomes().get(0);
        assertThat(outcome.getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);
        assertThat(outcome.getEventIds()).containsExactly("r1:0");
        AuditRecord record = audit.readValuesToList().get(0);
        assertThat(record.getAction()).isEqualTo("SetReduceOnly");
        assertThat(record.getReason()).isEqualTo("drawdown limit");
        assertThat(record.getAfter()).contains("reduceOnly", "drawdown limit");

        ControlState reduceOnly = state.readKeyValuesToMap().get(SCOPE);
        assertThat(reduceOnly.getMode()).isEqualTo(ControlMode.REDUCE_ONLY);
        assertThat(reduceOnly.getControls()).singleElement().satisfies(control -> {
            assertThat(control.getKind()).isEqualTo(ControlKind.REDUCE_ONLY);
            assertThat(control.getMode()).isEqualTo(ControlMode.REDUCE_ONLY);
            assertThat(control.getSetBy()).isEqualTo("olga");
            assertThat(control.getReason()).isEqualTo("drawdown limit");
            assertThat(control.getCommandId()).isEqualTo("r1");
        });
    }

    @Test
    void customersAreRefusedAndLiftingReturnsTheScopeToActive() {
        send("r1", customer("u1"), new SetReduceOnly(SCOPE, "mine", null));
        send("r2", OPERATOR, new SetReduceOnly(SCOPE, "drawdown limit", null));
        send("r3", OPERATOR, new LiftReduceOnly(SCOPE, "limits reset"));

        assertThat(outcomes()).extracting(CommandOutcome::getStatus)
                .containsExactly(OutcomeStatus.REJECTED, OutcomeStatus.ACCEPTED, OutcomeStatus.ACCEPTED);
        assertThat(events.readValuesToList()).extracting(EventEnvelope::getPayload).containsExactly(
                new ReduceOnlySet(SCOPE, "drawdown limit", null), new ReduceOnlyLifted(SCOPE, "limits reset"));
        assertThat(audit.readValuesToList()).extracting(AuditRecord::getAction)
                .containsExactly("SetReduceOnly", "SetReduceOnly", "LiftReduceOnly");
        ControlState lifted = state.readKeyValuesToMap().get(SCOPE);
        assertThat(lifted.getMode()).isEqualTo(ControlMode.ACTIVE);
        assertThat(lifted.getControls()).isEmpty();
    }

    @Test
    void aTimedReduceOnlyLapsesThroughAnAuditedSystemEvent() {
        send("r1", OPERATOR, new SetReduceOnly("tenant:u1", "cool-off", T0.plusSeconds(60)));
        ControlState set = state.readKeyValuesToMap().get("tenant:u1");
        assertThat(set.getControls()).extracting(ActiveControl::getExpiresAt).containsExactly(T0.plusSeconds(60));
        events.readValuesToList();
        audit.readValuesToList();

        driver.advanceWallClockTime(Duration.ofSeconds(30));
        assertThat(events.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofSeconds(31));

        List<EventEnvelope> expired = events.readValuesToList();
        assertThat(expired).extracting(EventEnvelope::getPayload)
                .containsExactly(new ReduceOnlyExpired("tenant:u1", T0.plusSeconds(60)));
        assertThat(expired.get(0).getActor().getSubject()).isEqualTo("system");
        assertThat(audit.readValuesToList()).extracting(AuditRecord::getAction).containsExactly("ReduceOnlyExpired");
        assertThat(state.readKeyValuesToMap().get("tenant:u1").getMode()).isEqualTo(ControlMode.ACTIVE);
    }

    private void send(String commandId, Actor actor, Object payload) {
        String key = payload instanceof SetReduceOnly s ? s.getScope() : ((LiftReduceOnly) payload).getScope();
        commands.pipeInput(key, envelope(commandId, actor, T0, payload));
    }

    private List<CommandOutcome> outcomes() {
        return outcomes.readValuesToList();
    }
}
