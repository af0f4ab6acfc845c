package com.tradingcontrol.processors.topology;

import static com.tradingcontrol.processors.topology.TestCommands.ADMIN;
import static com.tradingcontrol.processors.topology.TestCommands.OPERATOR;
import static com.tradingcontrol.processors.topology.TestCommands.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.schemas.avro.Actor;
import com.tradingcontrol.schemas.avro.ApproveTwoPersonProposal;
import com.tradingcontrol.schemas.avro.AuditRecord;
import com.tradingcontrol.schemas.avro.CommandOutcome;
import com.tradingcontrol.schemas.avro.ControlMode;
import com.tradingcontrol.schemas.avro.ControlState;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.avro.MaintenanceModeChanged;
import com.tradingcontrol.schemas.avro.PauseExpired;
import com.tradingcontrol.schemas.avro.PauseTrading;
import com.tradingcontrol.schemas.avro.RejectTwoPersonProposal;
import com.tradingcontrol.schemas.avro.ResumeTrading;
import com.tradingcontrol.schemas.avro.SetMaintenanceMode;
import com.tradingcontrol.schemas.avro.TradingResumed;
import com.tradingcontrol.schemas.avro.TwoPersonProposalCancelled;
import com.tradingcontrol.schemas.avro.TwoPersonProposalExpired;
import com.tradingcontrol.schemas.avro.TwoPersonProposalRejected;
import com.tradingcontrol.schemas.avro.TwoPersonProposed;
import com.tradingcontrol.schemas.avro.UpdateConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optional two-person rules for global resume and maintenance off, enforced by the processors
 * (issue #17): switched on through their config keys; every step is an event (or a rejection), an
 * outcome and a hash-chained audit record; off, the command takes effect at once as before.
 */
class TwoPersonRulesTopologyTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Actor SECOND_ADMIN = new Actor("adele", null, List.of("admin"));
    private static final String RESUME_KEY = "control.twoPerson.globalResume";
    private static final String MAINTENANCE_KEY = "control.twoPerson.maintenanceOff";
    private static final Instant DEFAULT_EXPIRY = T0.plus(Duration.ofMinutes(10));

    @TempDir
    Path stateDir;

    private TopologyHarness harness;

    @BeforeEach
    void start() {
        harness = new TopologyHarness("tcp-test", stateDir, TestCommands.VERIFIER, T0);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void globalResumeUnderItsRuleNeedsASecondAdminAndEveryStepIsAudited() {
        switchOn(RESUME_KEY);
        send("pause", OPERATOR, new PauseTrading("global", "incident", null), T0);
        harness.drain();

        send("r1", OPERATOR, new ResumeTrading("global", "clear", null), T0);
        ControlState pending = globalState();
        assertThat(pending.getMode()).isEqualTo(ControlMode.PAUSED);
        assertThat(pending.getProposals()).extracting(p -> p.getAction() + " by " + p.getProposedBy())
                .containsExactly("GLOBAL_RESUME by olga");
        send("a1", OPERATOR, new ApproveTwoPersonProposal("GLOBAL_RESUME", "me"), T0.plusSeconds(1));
        send("a2", ADMIN, new ApproveTwoPersonProposal("GLOBAL_RESUME", "checked"), T0.plusSeconds(2));

        assertThat(harness.outcomes.readValuesToList()).extracting(CommandOutcome::getCode)
                .containsExactly(null, "FORBIDDEN", null);
        assertThat(harness.events.readValuesToList()).extracting(EventEnvelope::getPayload).containsExactly(
                new TwoPersonProposed("GLOBAL_RESUME", "clear", DEFAULT_EXPIRY), new TradingResumed("global", "checked"));
        List<AuditRecord> audit = harness.audit.readValuesToList();
        assertThat(audit).extracting(AuditRecord::getAction)
                .containsExactly("ResumeTrading", "ApproveTwoPersonProposal", "ApproveTwoPersonProposal");
        assertThat(audit).extracting(AuditRecord::getCode).containsExactly(null, "FORBIDDEN", null);
        ControlState resumed = globalState();
        assertThat(resumed.getMode()).isEqualTo(ControlMode.ACTIVE);
        assertThat(resumed.getProposals()).isEmpty();
    }

    @Test
    void theProposerCannotApproveItsOwnMaintenanceOffAndMaintenanceOnAgainCancels() {
        switchOn(MAINTENANCE_KEY);
        send("on", ADMIN, new SetMaintenanceMode(true, "upgrade", "planned", null), T0);
        harness.drain();

        send("off1", ADMIN, new SetMaintenanceMode(false, "", "done", null), T0);
        send("a1", ADMIN, new ApproveTwoPersonProposal("MAINTENANCE_OFF", "me again"), T0.plusSeconds(1));
        send("on2", SECOND_ADMIN, new SetMaintenanceMode(true, "upgrade", "not done", null), T0.plusSeconds(2));
        send("a2", SECOND_ADMIN, new ApproveTwoPersonProposal("MAINTENANCE_OFF", "ok"), T0.plusSeconds(3));
        send("off2", SECOND_ADMIN, new SetMaintenanceMode(false, "", "now done", null), T0.plusSeconds(4));
        send("r1", ADMIN, new RejectTwoPersonProposal("MAINTENANCE_OFF", "not yet"), T0.plusSeconds(5));

        assertThat(harness.outcomes.readValuesToList()).extracting(CommandOutcome::getCode)
                .containsExactly(null, "SECOND_ADMIN_REQUIRED", null, "INVALID_STATE", null, null);
        assertThat(harness.events.readValuesToList()).extracting(EventEnvelope::getPayload).containsExactly(
                new TwoPersonProposed("MAINTENANCE_OFF", "done", DEFAULT_EXPIRY),
                new TwoPersonProposalCancelled("MAINTENANCE_OFF", "not done"),
                new TwoPersonProposed("MAINTENANCE_OFF", "now done", T0.plusSeconds(4).plus(Duration.ofMinutes(10))),
                new TwoPersonProposalRejected("MAINTENANCE_OFF", "not yet"));
        List<AuditRecord> audit = harness.audit.readValuesToList();
        assertThat(audit).extracting(AuditRecord::getAction).containsExactly("SetMaintenanceMode",
                "ApproveTwoPersonProposal", "SetMaintenanceMode", "ApproveTwoPersonProposal", "SetMaintenanceMode",
                "RejectTwoPersonProposal");
        ControlState state = globalState();
        assertThat(state.getMaintenance()).isTrue();
        assertThat(state.getProposals()).isEmpty();
    }

    @Test
    void aNewGlobalPauseCancelsAndAnUnapprovedProposalExpiresThroughAnAuditedSystemEvent() {
        switchOn(RESUME_KEY);
        send("pause", OPERATOR, new PauseTrading("global", "incident", null), T0);
        send("r1", ADMIN, new ResumeTrading("global", "clear", null), T0);
        send("pause2", OPERATOR, new PauseTrading("global", "still bad", null), T0.plusSeconds(1));
        send("r2", ADMIN, new ResumeTrading("global", "clear now", null), T0.plusSeconds(2));
        List<Object> events = new ArrayList<>(payloads());
        assertThat(events).endsWith(new TwoPersonProposalCancelled("GLOBAL_RESUME", "still bad"),
                new TwoPersonProposed("GLOBAL_RESUME", "clear now", T0.plusSeconds(2).plus(Duration.ofMinutes(10))));
        harness.drain();

        harness.driver.advanceWallClockTime(Duration.ofMinutes(11));

        List<EventEnvelope> expired = harness.events.readValuesToList();
        Instant expiry = T0.plusSeconds(2).plus(Duration.ofMinutes(10));
        assertThat(expired).extracting(EventEnvelope::getPayload)
                .containsExactly(new TwoPersonProposalExpired("GLOBAL_RESUME", expiry));
        assertThat(expired.get(0).getActor().getSubject()).isEqualTo("system");
        assertThat(harness.audit.readValuesToList()).extracting(AuditRecord::getAction)
                .containsExactly("TwoPersonProposalExpired");
        assertThat(globalState().getMode()).isEqualTo(ControlMode.PAUSED);

        send("a1", SECOND_ADMIN, new ApproveTwoPersonProposal("GLOBAL_RESUME", "too late"), expiry.plusSeconds(5));
        assertThat(harness.outcomes.readValuesToList().get(0).getCode()).isEqualTo("INVALID_STATE");
        assertThat(harness.events.isEmpty()).isTrue();
    }

    @Test
    void aPauseThatLapsesByItselfClosesItsOpenResumeProposalThroughAnAuditedSystemEvent() {
        switchOn(RESUME_KEY);
        Instant pauseEnd = T0.plus(Duration.ofMinutes(2));
        send("pause", OPERATOR, new PauseTrading("global", "incident", pauseEnd), T0);
        send("r1", ADMIN, new ResumeTrading("global", "clear", null), T0);
        harness.drain();

        harness.driver.advanceWallClockTime(Duration.ofMinutes(3));

        List<EventEnvelope> events = harness.events.readValuesToList();
        assertThat(events).extracting(EventEnvelope::getPayload).containsExactly(new PauseExpired("global", pauseEnd),
                new TwoPersonProposalCancelled("GLOBAL_RESUME",
                        "the global pause expired at " + pauseEnd + "; nothing is left to resume"));
        assertThat(events).extracting(e -> e.getActor().getSubject()).containsExactly("system", "system");
        List<AuditRecord> audit = harness.audit.readValuesToList();
        assertThat(audit).extracting(AuditRecord::getAction).containsExactly("PauseExpired", "TwoPersonProposalCancelled");
        assertThat(audit).extracting(r -> r.getActor().getSubject()).containsExactly("system", "system");
        ControlState state = globalState();
        assertThat(state.getMode()).isEqualTo(ControlMode.ACTIVE);
        assertThat(state.getProposals()).isEmpty();
    }

    @Test
    void aResumeAfterTheRuleWasSwitchedOffClosesTheProposalOpenedUnderIt() {
        switchOn(RESUME_KEY);
        send("pause", OPERATOR, new PauseTrading("global", "incident", null), T0);
        send("r1", ADMIN, new ResumeTrading("global", "clear", null), T0);
        harness.commands.pipeInput("config:" + RESUME_KEY,
                envelope("c-off", ADMIN, T0, new UpdateConfig(RESUME_KEY, false, "drill over")));
        harness.drain();

        send("r2", OPERATOR, new ResumeTrading("global", "clear now", null), T0.plusSeconds(5));

        assertThat(payloads()).containsExactly(new TradingResumed("global", "clear now"),
                new TwoPersonProposalCancelled("GLOBAL_RESUME",
                        "olga did it at once (no second admin is required any more)"));
        assertThat(harness.audit.readValuesToList()).extracting(AuditRecord::getAction).containsExactly("ResumeTrading");
        ControlState state = globalState();
        assertThat(state.getMode()).isEqualTo(ControlMode.ACTIVE);
        assertThat(state.getProposals()).isEmpty();
    }

    @Test
    void theProposingCommandNamesItsProposalsTimeToLiveWithinAnHour() {
        switchOn(RESUME_KEY);
        switchOn(MAINTENANCE_KEY);
        send("pause", OPERATOR, new PauseTrading("global", "incident", null), T0);
        send("on", ADMIN, new SetMaintenanceMode(true, "upgrade", "planned", null), T0);
        harness.drain();

        Instant tooLate = T0.plus(Duration.ofMinutes(61));
        send("r0", ADMIN, new ResumeTrading("global", "clear", tooLate), T0);
        send("r1", ADMIN, new ResumeTrading("global", "clear", T0.plus(Duration.ofMinutes(30))), T0);
        send("off", ADMIN, new SetMaintenanceMode(false, "", "done", T0.plus(Duration.ofHours(1))), T0);

        List<CommandOutcome> outcomes = harness.outcomes.readValuesToList();
        assertThat(outcomes).extracting(CommandOutcome::getCode).containsExactly("VALIDATION_FAILED", null, null);
        assertThat(outcomes.get(0).getMessage()).contains("proposalExpiresAt").contains("at most 60 minutes");
        assertThat(payloads()).containsExactly(
                new TwoPersonProposed("GLOBAL_RESUME", "clear", T0.plus(Duration.ofMinutes(30))),
                new TwoPersonProposed("MAINTENANCE_OFF", "done", T0.plus(Duration.ofHours(1))));
        assertThat(harness.audit.readValuesToList()).extracting(AuditRecord::getAction)
                .containsExactly("ResumeTrading", "ResumeTrading", "SetMaintenanceMode");
        assertThat(globalState().getProposals()).extracting(p -> p.getAction() + " until " + p.getExpiresAt())
                .containsExactly("GLOBAL_RESUME until " + T0.plus(Duration.ofMinutes(30)),
                        "MAINTENANCE_OFF until " + T0.plus(Duration.ofHours(1)));
    }

    @Test
    void withTheRulesOffByDefaultResumeAndMaintenanceOffTakeEffectAtOnce() {
        send("pause", OPERATOR, new PauseTrading("global", "incident", null), T0);
        send("on", ADMIN, new SetMaintenanceMode(true, "upgrade", "planned", null), T0);
        harness.drain();

        send("r1", OPERATOR, new ResumeTrading("global", "clear", null), T0.plusSeconds(1));
        send("off", ADMIN, new SetMaintenanceMode(false, "", "done", null), T0.plusSeconds(2));

        assertThat(payloads()).containsExactly(new TradingResumed("global", "clear"),
                new MaintenanceModeChanged(false, "", "done"));
        assertThat(globalState().getMode()).isEqualTo(ControlMode.ACTIVE);
    }

    private void switchOn(String key) {
        harness.commands.pipeInput("config:" + key, envelope("c-" + key, ADMIN, T0, new UpdateConfig(key, true, "drill")));
        assertThat(harness.audit.readValuesToList()).extracting(AuditRecord::getAction).containsExactly("UpdateConfig");
        harness.drain();
    }

    private void send(String commandId, Actor actor, Object payload, Instant issuedAt) {
        harness.commands.pipeInput("global", envelope(commandId, actor, issuedAt, payload));
    }

    private List<Object> payloads() {
        return harness.events.readValuesToList().stream().map(EventEnvelope::getPayload).toList();
    }

    private ControlState globalState() {
        return harness.state.readKeyValuesToMap().get("global");
    }
}
