package com.tradingcontrol.codec;

import static com.tradingcontrol.domain.ProposalAction.GLOBAL_RESUME;
import static com.tradingcontrol.domain.ProposalAction.KILL_SWITCH_RELEASE;
import static com.tradingcontrol.domain.ProposalAction.MAINTENANCE_OFF;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.domain.DomainEvent;
import com.tradingcontrol.domain.ProposalAction;
import com.tradingcontrol.domain.ProposalCancelled;
import com.tradingcontrol.domain.ProposalExpired;
import com.tradingcontrol.domain.ProposalOpened;
import com.tradingcontrol.domain.ProposalRejected;
import com.tradingcontrol.domain.Provenance;
import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.domain.control.ControlState;
import com.tradingcontrol.domain.control.TwoPersonProposals;
import com.tradingcontrol.schemas.avro.ApproveKillSwitchRelease;
import com.tradingcontrol.schemas.avro.ControlMode;
import com.tradingcontrol.schemas.avro.KillSwitchReleaseProposed;
import com.tradingcontrol.schemas.avro.TwoPersonProposed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two-person rules' events and open proposals survive every encoding the platform uses. */
class TwoPersonProposalCodecTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Provenance ENGAGED = new Provenance("ops-1", T0, "c-1", "outage");
    private static final Provenance PROPOSED = new Provenance("admin-1", T0.plusSeconds(60), "c-2", "all clear");
    private static final TwoPersonProposals.Proposal RELEASE =
            new TwoPersonProposals.Proposal(KILL_SWITCH_RELEASE, PROPOSED, T0.plusSeconds(660));
    private static final ControlState PROPOSED_STATE = new ControlState(Scope.global(), 3,
            new ControlState.Pause(ENGAGED, null), new ControlState.KillSwitch(ENGAGED), null, null,
            TwoPersonProposals.of(List.of(RELEASE,
                    new TwoPersonProposals.Proposal(GLOBAL_RESUME, PROPOSED, T0.plusSeconds(600)))));

    @Test
    void theProposalsTravelOnTheControlStateRecordAndTheModeStaysHalted() {
        var avro = ControlStateMapper.toAvro(PROPOSED_STATE, PROPOSED, "c-2:0");

        assertThat(avro.getMode()).isEqualTo(ControlMode.HALTED);
        assertThat(avro.getProposals()).extracting(p -> p.getAction()).containsExactly("KILL_SWITCH_RELEASE",
                "GLOBAL_RESUME");
        assertThat(avro.getReleaseProposal().getProposedBy()).as("v4 readers still see the release proposal")
                .isEqualTo("admin-1");
        assertThat(ControlStateMapper.fromAvro(avro)).isEqualTo(PROPOSED_STATE);
    }

    @Test
    void aVersion4RecordWithOnlyTheReleaseProposalReadsAsTheKillSwitchProposal() {
        ControlState released = new ControlState(Scope.global(), 2, null, new ControlState.KillSwitch(ENGAGED), null,
                null, TwoPersonProposals.of(List.of(RELEASE)));
        var avro = ControlStateMapper.toAvro(released, PROPOSED, "c-2:0");
        avro.setProposals(new ArrayList<>());

        assertThat(ControlStateMapper.fromAvro(avro)).isEqualTo(released);
    }

    @Test
    void theProposalsSurviveTheStateStoreJsonAndTheOldShapeStillReads() {
        assertThat(StateJson.control(StateJson.control(PROPOSED_STATE))).isEqualTo(PROPOSED_STATE);

        var old = StateJson.control(new ControlState(Scope.global(), 2, null, new ControlState.KillSwitch(ENGAGED),
                null));
        old.withObject("/killSwitch").putObject("releaseProposal").put("expiresAt", RELEASE.expiresAt().toString())
                .set("proposedBy", StateJson.control(PROPOSED_STATE).get("proposals").get(0).get("proposedBy"));
        assertThat(StateJson.control(old).proposal(KILL_SWITCH_RELEASE)).isEqualTo(RELEASE);
    }

    @Test
    void everyTwoPersonEventMapsToAvroAndBackAndTheReleaseKeepsItsOwnRecords() {
        List<DomainEvent> events = new ArrayList<>();
        for (ProposalAction action : ProposalAction.values()) {
            events.addAll(List.of(new ProposalOpened(action, "all clear", T0), new ProposalRejected(action, "not yet"),
                    new ProposalCancelled(action, "new trouble"), new ProposalExpired(action, T0)));
        }
        for (DomainEvent event : events) {
            assertThat(EventMapper.fromAvro(EventMapper.toAvro(event))).isEqualTo(event);
        }
        assertThat(EventMapper.toAvro(new ProposalOpened(KILL_SWITCH_RELEASE, "x", T0)))
                .isInstanceOf(KillSwitchReleaseProposed.class);
        assertThat(EventMapper.toAvro(new ProposalOpened(MAINTENANCE_OFF, "x", T0)))
                .isInstanceOf(TwoPersonProposed.class);
    }

    @Test
    void theProposingCommandsCarryTheirProposalsTimeToLive() {
        Instant ttl = T0.plusSeconds(1200);
        assertThat(command("global", new com.tradingcontrol.schemas.avro.ResumeTrading("global", "clear", ttl)))
                .isEqualTo(new com.tradingcontrol.domain.ResumeTrading(Scope.global(), "clear", ttl));
        assertThat(command("global", new com.tradingcontrol.schemas.avro.SetMaintenanceMode(false, "", "done", ttl)))
                .isEqualTo(new com.tradingcontrol.domain.SetMaintenanceMode(false, "", "done", ttl));
        assertThat(command("global", new com.tradingcontrol.schemas.avro.ResumeTrading("global", "clear", null)))
                .isEqualTo(new com.tradingcontrol.domain.ResumeTrading(Scope.global(), "clear"));
    }

    private static Object command(String key, Object payload) {
        var avro = com.tradingcontrol.schemas.avro.CommandEnvelope.newBuilder().setCommandId("c-1").setRequestId("r-1")
                .setIssuedAt(T0).setActor(new com.tradingcontrol.schemas.avro.Actor("admin-1", null, List.of("admin")))
                .setPayload(payload).build();
        return CommandMapper.map(key, avro).command().payload();
    }

    @Test
    void approvalsAndRejectionsMapForEveryAction() {
        assertThat(TwoPersonCodec.commandToAvro(true, KILL_SWITCH_RELEASE, "ok")).isInstanceOf(ApproveKillSwitchRelease.class);
        for (ProposalAction action : ProposalAction.values()) {
            for (boolean approve : new boolean[] {true, false}) {
                var command = TwoPersonCodec.commandFromAvro(TwoPersonCodec.commandToAvro(approve, action, "ok"));
                assertThat(command).isEqualTo(approve ? new com.tradingcontrol.domain.ApproveProposal(action, "ok")
                        : new com.tradingcontrol.domain.RejectProposal(action, "ok"));
            }
        }
    }
}
