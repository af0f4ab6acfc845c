package com.tradingcontrol.processors.topology;

import static com.tradingcontrol.processors.topology.TestCommands.ADMIN;
import static com.tradingcontrol.processors.topology.TestCommands.OPERATOR;
import static com.tradingcontrol.processors.topology.TestCommands.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.codec.audit.AuditChainVerifier;
import com.tradingcontrol.codec.audit.ChainVerification;
import com.tradingcontrol.schemas.avro.Actor;
import com.tradingcontrol.schemas.avro.ApproveKillSwitchRelease;
import com.tradingcontrol.schemas.avro.AuditRecord;
import com.tradingcontrol.schemas.avro.CommandOutcome;
import com.tradingcontrol.schemas.avro.ControlMode;
import com.tradingcontrol.schemas.avro.ControlState;
import com.tradingcontrol.schemas.avro.EngageKillSwitch;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.avro.KillSwitchReleaseCancelled;
import com.tradingcontrol.schemas.avro.KillSwitchReleaseExpired;
import com.tradingcontrol.schemas.avro.KillSwitchReleaseProposed;
import com.tradingcontrol.schemas.avro.KillSwitchReleaseRejected;
import com.tradingcontrol.schemas.avro.KillSwitchReleased;
import com.tradingcontrol.schemas.avro.OutcomeStatus;
import com.tradingcontrol.schemas.avro.RejectKillSwitchRelease;
import com.tradingcontrol.schemas.avro.ReleaseKillSwitch;
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
 * The two-person rule for releasing the kill switch, enforced by the processors (issue #17): every
 * step is an event (or a rejection), an outcome and a hash-chained audit record.
 */
class TwoPersonReleaseTopologyTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Actor SECOND_ADMIN = new Actor("adele", null, List.of("admin"));

    @TempDir
    Path stateDir;

    private TopologyHarness harness;
    private List<AuditRecord> engagementAudit;

    @BeforeEach
    void start() {
        harness = new TopologyHarness("tcp-test", stateDir, TestCommands.VERIFIER, T0);
        send("e1", OPERATOR, new EngageKillSwitch("exchange outage"), T0);
        engagementAudit = harness.audit.readValuesToList();
        harness.drain();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void theProposerCannotApproveButASecondAdminReleases() {
        send("p1", ADMIN, new ReleaseKillSwitch("all clear", null), T0);
        ControlState pending = globalState();
        assertThat(pending.getMode()).isEqualTo(ControlMode.HALTED);
        assertThat(pending.getKillSwitch()).isTrue();
        assertThat(pending.getReleaseProposal().getProposedBy()).isEqualTo("adam");
        assertThat(pending.getReleaseProposal().getExpiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));

        send("a1", ADMIN, new ApproveKillSwitchRelease("me again"), T0.plusSeconds(5));
        send("a2", SECOND_ADMIN, new ApproveKillSwitchRelease("checked the venue"), T0.plusSeconds(10));

        List<CommandOutcome> outcomes = harness.outcomes.readValuesToList();
        assertThat(outcomes).extracting(CommandOutcome::getStatus)
                .containsExactly(OutcomeStatus.ACCEPTED, OutcomeStatus.REJECTED, OutcomeStatus.ACCEPTED);
        assertThat(outcomes.get(1).getCode()).isEqualTo("SECOND_ADMIN_REQUIRED");
        assertThat(harness.events.readValuesToList()).extracting(EventEnvelope::getPayload).containsExactly(
                new KillSwitchReleaseProposed("all clear", T0.plus(Duration.ofMinutes(10))),
                new KillSwitchReleased("checked the venue"));
        List<AuditRecord> audit = harness.audit.readValuesToList();
        assertThat(audit).extracting(AuditRecord::getAction)
                .containsExactly("ReleaseKillSwitch", "ApproveKillSwitchRelease", "ApproveKillSwitchRelease");
        assertThat(audit).extracting(r -> r.getActor().getSubject()).containsExactly("adam", "adam", "adele");
        assertThat(audit).extracting(AuditRecord::getCode).containsExactly(null, "SECOND_ADMIN_REQUIRED", null);
        ControlState released = globalState();
        assertThat(released.getMode()).isEqualTo(ControlMode.ACTIVE);
        assertThat(released.getKillSwitch()).isFalse();
        assertThat(released.getReleaseProposal()).isNull();
    }

    @Test
    void anUnapprovedProposalExpiresThroughAnAuditedSystemEventAndCannotBeApprovedAfterwards() {
        Instant expiry = T0.plusSeconds(60);
        send("p1", ADMIN, new ReleaseKillSwitch("all clear", expiry), T0);
        harness.drain();

        harness.driver.advanceWallClockTime(Duration.ofSeconds(30));
        assertThat(harness.events.isEmpty()).isTrue();
        harness.driver.advanceWallClockTime(Duration.ofSeconds(31));

        List<EventEnvelope> expired = harness.events.readValuesToList();
        assertThat(expired).extracting(EventEnvelope::getPayload).containsExactly(new KillSwitchReleaseExpired(expiry));
        assertThat(expired.get(0).getActor().getSubject()).isEqualTo("system");
        assertThat(harness.audit.readValuesToList()).extracting(AuditRecord::getAction)
                .containsExactly("KillSwitchReleaseExpired");
        ControlState state = globalState();
        assertThat(state.getMode()).isEqualTo(ControlMode.HALTED);
        assertThat(state.getReleaseProposal()).isNull();

        send("a1", SECOND_ADMIN, new ApproveKillSwitchRelease("too late"), expiry.plusSeconds(5));
        CommandOutcome late = harness.outcomes.readValuesToList().get(0);
        assertThat(late.getCode()).isEqualTo("INVALID_STATE");
        assertThat(harness.events.isEmpty()).isTrue();
    }

    @Test
    void engagingAgainCancelsTheProposalAndRejectingEndsIt() {
        send("p1", ADMIN, new ReleaseKillSwitch("all clear", null), T0);
        send("e2", OPERATOR, new EngageKillSwitch("second venue down"), T0.plusSeconds(5));
        send("a1", SECOND_ADMIN, new ApproveKillSwitchRelease("ok"), T0.plusSeconds(10));
        send("p2", SECOND_ADMIN, new ReleaseKillSwitch("now really", null), T0.plusSeconds(15));
        send("r1", ADMIN, new RejectKillSwitchRelease("not yet"), T0.plusSeconds(20));

        assertThat(harness.events.readValuesToList()).extracting(EventEnvelope::getPayload).containsExactly(
                new KillSwitchReleaseProposed("all clear", T0.plus(Duration.ofMinutes(10))),
                new KillSwitchReleaseCancelled("second venue down"),
                new KillSwitchReleaseProposed("now really", T0.plusSeconds(15).plus(Duration.ofMinutes(10))),
                new KillSwitchReleaseRejected("not yet"));
        assertThat(harness.outcomes.readValuesToList()).extracting(CommandOutcome::getCode)
                .containsExactly(null, null, "INVALID_STATE", null, null);
        List<AuditRecord> audit = harness.audit.readValuesToList();
        assertThat(audit).extracting(AuditRecord::getAction).containsExactly("ReleaseKillSwitch",
                "EngageKillSwitch", "ApproveKillSwitchRelease", "ReleaseKillSwitch", "RejectKillSwitchRelease");
        ControlState state = globalState();
        assertThat(state.getKillSwitch()).isTrue();
        assertThat(state.getReleaseProposal()).isNull();
    }

    @Test
    void everyStepIsHashChained() {
        send("p1", ADMIN, new ReleaseKillSwitch("all clear", null), T0);
        send("r1", SECOND_ADMIN, new RejectKillSwitchRelease("no"), T0.plusSeconds(1));
        send("p2", ADMIN, new ReleaseKillSwitch("again", null), T0.plusSeconds(2));
        send("a1", SECOND_ADMIN, new ApproveKillSwitchRelease("yes"), T0.plusSeconds(3));

        List<AuditRecord> chain = new ArrayList<>(engagementAudit);
        chain.addAll(harness.audit.readValuesToList());
        assertThat(chain).extracting(AuditRecord::getAction).containsExactly("EngageKillSwitch",
                "ReleaseKillSwitch", "RejectKillSwitchRelease", "ReleaseKillSwitch", "ApproveKillSwitchRelease");

        ChainVerification verification = AuditChainVerifier.verifyRecords(chain.get(0).getChainId(), chain);
        assertThat(verification.isIntact()).isTrue();
    }

    @Test
    void theRuleIsAConfigKeyAnAdminMaySwitchOffAndThenOneAdminReleases() {
        String key = "control.twoPerson.killSwitchRelease";
        harness.commands.pipeInput("config:" + key, envelope("c1", OPERATOR, T0, new UpdateConfig(key, false, "drill")));
        harness.commands.pipeInput("config:" + key, envelope("c2", ADMIN, T0, new UpdateConfig(key, false, "drill")));
        send("p1", ADMIN, new ReleaseKillSwitch("all clear", null), T0.plusSeconds(1));

        assertThat(harness.outcomes.readValuesToList()).extracting(CommandOutcome::getCode)
                .containsExactly("FORBIDDEN", null, null);
        assertThat(harness.audit.readValuesToList()).extracting(AuditRecord::getAction)
                .containsExactly("UpdateConfig", "UpdateConfig", "ReleaseKillSwitch");
        assertThat(harness.events.readValuesToList()).extracting(EventEnvelope::getPayload)
                .endsWith(new KillSwitchReleased("all clear"));
        assertThat(globalState().getKillSwitch()).isFalse();
    }

    private void send(String commandId, Actor actor, Object payload, Instant issuedAt) {
        harness.commands.pipeInput("global", envelope(commandId, actor, issuedAt, payload));
    }

    private ControlState globalState() {
        return harness.state.readKeyValuesToMap().get("global");
    }
}
