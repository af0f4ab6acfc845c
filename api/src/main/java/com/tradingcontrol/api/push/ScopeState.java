package com.tradingcontrol.api.push;

import com.tradingcontrol.schemas.avro.ActiveControl;
import com.tradingcontrol.schemas.avro.ControlKind;
import com.tradingcontrol.schemas.avro.ControlState;
import com.tradingcontrol.schemas.avro.ReleaseProposal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One scope's current control state as the API holds it (an Avro-free copy of {@code trading.control-state}).
 *
 * @param expiresAt           when the scope's pause lapses (null: no timed pause)
 * @param reduceOnly          a reduce-only control is in force at this scope (also when a pause or the
 *                            kill switch makes {@code mode} stricter)
 * @param reduceOnlyExpiresAt when that reduce-only lapses (null: until lifted, or none)
 * @param releaseProposedBy   global only: the admin whose kill-switch release proposal awaits a second
 *                            admin (two-person rule); null when none is open
 * @param releaseProposalExpiresAt when that proposal lapses unapproved (null: none open)
 */
public record ScopeState(String scope, String mode, boolean killSwitch, boolean maintenance, String maintenanceMessage,
                         String reason, String setBy, Instant setAt, Instant expiresAt, long version,
                         String lastEventId, boolean reduceOnly, Instant reduceOnlyExpiresAt,
                         String releaseProposedBy, Instant releaseProposalExpiresAt) {

    /** A state without an open kill-switch release proposal. */
    public ScopeState(String scope, String mode, boolean killSwitch, boolean maintenance, String maintenanceMessage,
                      String reason, String setBy, Instant setAt, Instant expiresAt, long version,
                      String lastEventId, boolean reduceOnly, Instant reduceOnlyExpiresAt) {
        this(scope, mode, killSwitch, maintenance, maintenanceMessage, reason, setBy, setAt, expiresAt, version,
                lastEventId, reduceOnly, reduceOnlyExpiresAt, null, null);
    }

    /** A state without reduce-only. */
    public ScopeState(String scope, String mode, boolean killSwitch, boolean maintenance, String maintenanceMessage,
                      String reason, String setBy, Instant setAt, Instant expiresAt, long version, String lastEventId) {
        this(scope, mode, killSwitch, maintenance, maintenanceMessage, reason, setBy, setAt, expiresAt, version,
                lastEventId, false, null);
    }

    public static ScopeState fromAvro(ControlState state) {
        ActiveControl reduceOnly = state.getControls().stream()
                .filter(c -> c.getKind() == ControlKind.REDUCE_ONLY).findFirst().orElse(null);
        ReleaseProposal proposal = state.getReleaseProposal();
        return new ScopeState(state.getScope(), state.getMode().name(), state.getKillSwitch(), state.getMaintenance(),
                state.getMaintenanceMessage(), state.getReason(), state.getSetBy(), state.getSetAt(),
                state.getExpiresAt(), state.getVersion(), state.getLastEventId(), reduceOnly != null,
                reduceOnly == null ? null : reduceOnly.getExpiresAt(),
                proposal == null ? null : proposal.getProposedBy(), proposal == null ? null : proposal.getExpiresAt());
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
        map.put("reduceOnly", reduceOnly);
        map.put("reduceOnlyExpiresAt", reduceOnlyExpiresAt == null ? null : reduceOnlyExpiresAt.toString());
        map.put("releaseProposal", releaseProposalExpiresAt != null);
        map.put("releaseProposedBy", releaseProposedBy);
        map.put("releaseProposalExpiresAt",
                releaseProposalExpiresAt == null ? null : releaseProposalExpiresAt.toString());
        return map;
    }
}
