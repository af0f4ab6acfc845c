package com.tradingcontrol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.domain.Provenance;
import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.domain.control.ControlState;
import com.tradingcontrol.schemas.avro.ControlKind;
import com.tradingcontrol.schemas.avro.ControlMode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlStateMapperTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Provenance PAUSED_BY = new Provenance("ops-1", T0, "c-1", "fat finger");
    private static final Provenance HALTED_BY = new Provenance("ops-2", T0.plusSeconds(5), "c-2", "exchange outage");
    private static final Provenance MAINTAINED_BY = new Provenance("admin-1", T0.plusSeconds(9), "c-3", "upgrade");

    @Test
    void everyControlOfAScopeTravelsWithItsOwnProvenance() {
        ControlState global = new ControlState(Scope.global(), 3,
                new ControlState.Pause(PAUSED_BY, T0.plusSeconds(600)),
                new ControlState.KillSwitch(HALTED_BY),
                new ControlState.Maintenance("back at 11:00", MAINTAINED_BY));

        var avro = ControlStateMapper.toAvro(global, MAINTAINED_BY, "c-3:0");

        assertThat(avro.getMode()).isEqualTo(ControlMode.HALTED);
        assertThat(avro.getControls()).extracting(c -> c.getKind(), c -> c.getSetBy(), c -> c.getReason())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ControlKind.PAUSE, "ops-1", "fat finger"),
                        org.assertj.core.groups.Tuple.tuple(ControlKind.KILL_SWITCH, "ops-2", "exchange outage"),
                        org.assertj.core.groups.Tuple.tuple(ControlKind.MAINTENANCE, "admin-1", "upgrade"));
        assertThat(ControlStateMapper.fromAvro(avro)).isEqualTo(global);
    }

    @Test
    void anActiveScopeHasNoControls() {
        ControlState active = new ControlState(Scope.tenant("u1"), 2, null, null, null);

        var avro = ControlStateMapper.toAvro(active, PAUSED_BY, "c-9:0");

        assertThat(avro.getControls()).isEmpty();
        assertThat(ControlStateMapper.fromAvro(avro)).isEqualTo(active);
    }

    @Test
    void aRecordWrittenBeforeV2FallsBackToTheLastChange() {
        var v1 = com.tradingcontrol.schemas.avro.ControlState.newBuilder()
                .setScope("tenant:u1").setMode(ControlMode.PAUSED).setKillSwitch(false).setMaintenance(false)
                .setMaintenanceMessage(null).setReason("fat finger").setSetBy("ops-1").setSetAt(T0)
                .setExpiresAt(null).setVersion(1).setLastEventId("c-1:0").setControls(List.of()).build();

        ControlState state = ControlStateMapper.fromAvro(v1);

        assertThat(state.pause()).isNotNull();
        assertThat(state.pause().setBy()).isEqualTo(PAUSED_BY);
    }
}
