package com.tradingcontrol.processors.topology;

import com.tradingcontrol.processors.domain.Provenance;
import com.tradingcontrol.processors.domain.Scope;
import com.tradingcontrol.processors.domain.control.ControlState;
import com.tradingcontrol.schemas.avro.ControlMode;
import java.time.Instant;

/**
 * Domain control state to the compacted {@code trading.control-state} record and back.
 *
 * <p>The Avro record carries one mode plus one reason/setBy/setAt (the last change), so the way
 * back is lossy: each active control gets that last-change provenance, and a pause is only
 * recognised when it is not hidden behind maintenance or the kill switch (mode PAUSED without
 * maintenance, or an expiresAt). The processors use the way back only for other partitions' scopes,
 * where it feeds notes ("kill switch engaged: effective mode stays HALTED"), never a decision about
 * the record's own aggregate, whose full state lives in the task's store.
 */
public final class ControlStateMapper {

    private ControlStateMapper() {
    }

    /** The mode a scope imposes on its own: kill switch HALTED, pause or maintenance PAUSED (see EffectiveModeCalculator). */
    public static ControlMode modeOf(ControlState state) {
        if (state.isKillSwitchEngaged()) {
            return ControlMode.HALTED;
        }
        if (state.pause() != null || state.isMaintenanceOn()) {
            return ControlMode.PAUSED;
        }
        return ControlMode.ACTIVE;
    }

    /** @param lastChange provenance of the change that produced this state (reason may be null) */
    public static com.tradingcontrol.schemas.avro.ControlState toAvro(ControlState state, Provenance lastChange,
                                                                      String lastEventId) {
        return com.tradingcontrol.schemas.avro.ControlState.newBuilder()
                .setScope(state.scope().toString())
                .setMode(modeOf(state))
                .setKillSwitch(state.isKillSwitchEngaged())
                .setMaintenance(state.isMaintenanceOn())
                .setMaintenanceMessage(state.isMaintenanceOn() ? state.maintenance().message() : null)
                .setReason(lastChange.reason())
                .setSetBy(lastChange.actorSubject())
                .setSetAt(lastChange.at())
                .setExpiresAt(state.pause() == null ? null : state.pause().expiresAt())
                .setVersion(state.version())
                .setLastEventId(lastEventId)
                .build();
    }

    public static ControlState fromAvro(com.tradingcontrol.schemas.avro.ControlState avro) {
        Instant setAt = avro.getSetAt() == null ? Instant.EPOCH : avro.getSetAt();
        String setBy = avro.getSetBy() == null ? "unknown" : avro.getSetBy();
        Provenance last = new Provenance(setBy, setAt, commandIdOf(avro.getLastEventId()), avro.getReason());
        boolean paused = avro.getExpiresAt() != null
                || (avro.getMode() == ControlMode.PAUSED && !avro.getMaintenance());
        return new ControlState(Scope.parse(avro.getScope()), avro.getVersion(),
                paused ? new ControlState.Pause(last, avro.getExpiresAt()) : null,
                avro.getKillSwitch() ? new ControlState.KillSwitch(last) : null,
                avro.getMaintenance() ? new ControlState.Maintenance(avro.getMaintenanceMessage(), last) : null);
    }

    /** Event ids are {@code <commandId>:<index>}. */
    private static String commandIdOf(String eventId) {
        if (eventId == null || eventId.lastIndexOf(':') < 0) {
            return eventId;
        }
        return eventId.substring(0, eventId.lastIndexOf(':'));
    }
}
