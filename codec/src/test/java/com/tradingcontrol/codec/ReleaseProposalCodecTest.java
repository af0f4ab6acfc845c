package com.tradingcontrol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.domain.DomainEvent;
import com.tradingcontrol.domain.KillSwitchReleaseCancelled;
import com.tradingcontrol.domain.KillSwitchReleaseExpired;
import com.tradingcontrol.domain.KillSwitchReleaseProposed;
import com.tradingcontrol.domain.KillSwitchReleaseRejected;
import com.tradingcontrol.domain.Provenance;
import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.domain.control.ControlState;
import com.tradingcontrol.schemas.avro.ControlMode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two-person rule's events and the open release proposal survive every encoding the platform uses. */
class ReleaseProposalCodecTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Provenance ENGAGED = new Provenance("ops-1", T0, "c-1", "outage");
    private static final Provenance PROPOSED = new Provenance("admin-1", T0.plusSeconds(60), "c-2", "all clear");
    private static final ControlState PROPOSED_STATE = new ControlState(Scope.global(), 2, null,
            new ControlState.KillSwitch(ENGAGED, new ControlState.ReleaseProposal(PROPOSED, T0.plusSeconds(660))),
            null);

    @Test
    void theProposalTravelsOnTheControlStateRecordAndTheModeStaysHalted() {
        var avro = ControlStateMapper.toAvro(PROPOSED_STATE, PROPOSED, "c-2:0");

        assertThat(avro.getMode()).isEqualTo(ControlMode.HALTED);
        assertThat(avro.getKillSwitch()).isTrue();
        assertThat(avro.getReleaseProposal().getProposedBy()).isEqualTo("admin-1");
        assertThat(avro.getReleaseProposal().getExpiresAt()).isEqualTo(T0.plusSeconds(660));
        assertThat(ControlStateMapper.fromAvro(avro)).isEqualTo(PROPOSED_STATE);
    }

    @Test
    void theProposalSurvivesTheStateStoreJson() {
        assertThat(StateJson.control(StateJson.control(PROPOSED_STATE))).isEqualTo(PROPOSED_STATE);
    }

    @Test
    void everyTwoPersonEventMapsToAvroAndBack() {
        List<DomainEvent> events = List.of(new KillSwitchReleaseProposed("all clear", T0),
                new KillSwitchReleaseRejected("not yet"), new KillSwitchReleaseCancelled("new trouble"),
                new KillSwitchReleaseExpired(T0));
        for (DomainEvent event : events) {
            assertThat(EventMapper.fromAvro(EventMapper.toAvro(event))).isEqualTo(event);
        }
    }
}
