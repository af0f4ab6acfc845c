package com.tradingcontrol.api.push;

import com.tradingcontrol.schemas.avro.ControlState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One scope's current control state as the API holds it (an Avro-free copy of {@code trading.control-state}). */
public record ScopeState(String scope, String mode, boolean killSwitch, boolean maintenance, String maintenanceMessage,
                         String reason, String setBy, Instant setAt, Instant expiresAt, long version,
                         String lastEventId) {

    public static ScopeState fromAvro(ControlState state) {
        return new ScopeState(state.getScope(), state.getMode().name(), state.getKillSwitch(), state.getMaintenance(),
                state.getMaintenanceMessage(), state.getReason(), state.getSetBy(), state.getSetAt(),
                state.getExpiresAt(), state.getVersion(), state.getLastEventId());
    }

    /** JSON-ready map (instants as ISO-8601), the payload of a {@code control-state} push. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("scope", scope);
        map.put("mode", mode);
        map.put("killSwitch", killSwitch);
        map.put("maintenance", maintenance);
        map.put("maintenanceMessage", maintenanceMessage);
        map.put("reason", reason);
        map.put("setBy", setBy);
        map.put("setAt", setAt == null ? null : setAt.toString());
        map.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
        map.put("version", version);
        map.put("lastEventId", lastEventId);
        return map;
    }
}
