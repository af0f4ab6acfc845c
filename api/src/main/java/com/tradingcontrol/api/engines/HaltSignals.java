package com.tradingcontrol.api.engines;

import com.tradingcontrol.api.ports.CommandPayload;
import com.tradingcontrol.api.ports.CommandRequest;
import com.tradingcontrol.schemas.avro.HaltKind;
import com.tradingcontrol.schemas.avro.HaltSignal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Which commands travel the fast halt path, and the signal they travel as. Only restrictions: a kill
 * switch engaged, a pause, reduce-only set, maintenance switched on. Everything that loosens (resume,
 * release, lift, maintenance off) reaches engines through the committed state alone.
 */
public final class HaltSignals {
    private HaltSignals() {}

    /** The signal for a restricting command, empty for every other command. */
    public static Optional<HaltSignal> of(CommandRequest request, Duration decideBy) {
        return kind(request.payload()).map(kind -> HaltSignal.newBuilder()
                .setCommandId(request.commandId())
                .setRequestId(request.requestId())
                .setScope(request.aggregateId())
                .setKind(kind)
                .setActor(request.actor().subject())
                .setReason(reason(request.payload()))
                .setIssuedAt(request.requestedAt())
                .setExpiresAt(expiresAt(request.payload()))
                .setDecideBy(request.requestedAt().plus(decideBy))
                .build());
    }

    static Optional<HaltKind> kind(CommandPayload payload) {
        if (payload instanceof CommandPayload.EngageKillSwitch) {
            return Optional.of(HaltKind.KILL_SWITCH);
        }
        if (payload instanceof CommandPayload.PauseTrading) {
            return Optional.of(HaltKind.PAUSE);
        }
        if (payload instanceof CommandPayload.SetReduceOnly) {
            return Optional.of(HaltKind.REDUCE_ONLY);
        }
        if (payload instanceof CommandPayload.SetMaintenanceMode maintenance && maintenance.on()) {
            return Optional.of(HaltKind.MAINTENANCE);
        }
        return Optional.empty();
    }

    private static String reason(CommandPayload payload) {
        if (payload instanceof CommandPayload.EngageKillSwitch p) {
            return p.reason();
        }
        if (payload instanceof CommandPayload.PauseTrading p) {
            return p.reason();
        }
        if (payload instanceof CommandPayload.SetReduceOnly p) {
            return p.reason();
        }
        return payload instanceof CommandPayload.SetMaintenanceMode p ? p.reason() : null;
    }

    private static Instant expiresAt(CommandPayload payload) {
        if (payload instanceof CommandPayload.PauseTrading p) {
            return p.expiresAt();
        }
        return payload instanceof CommandPayload.SetReduceOnly p ? p.expiresAt() : null;
    }
}
