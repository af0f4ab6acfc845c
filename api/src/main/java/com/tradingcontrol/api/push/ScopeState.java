package com.tradingcontrol.api.push;

import com.tradingcontrol.schemas.avro.ActiveControl;
import com.tradingcontrol.schemas.avro.ControlKind;
import com.tradingcontrol.schemas.avro.ControlState;
import com.tradingcontrol.schemas.avro.ReleaseProposal;
import com.tradingcontrol.schemas.avro.TwoPersonProposal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One scope's current control state as the API holds it (an Avro-free copy of {@code trading.control-state}).
 *
 * @param expiresAt           when the scope's pause lapses (null: no timed pause)
 * @param reduceOnly          a reduce-only control is in force at this scope (also when a pause or the
 *                            kill switch makes {@code mode} stricter)
 * @param reduceOnlyExpiresAt when that reduce-only lapses (null: until lifted, or none)
 * @param proposals           global only: the open two-person proposals, each awaiting a second admin
 *                            (empty when none is open)
 */
public record ScopeState(String scope, String mode, boolean killSwitch, boolean maintenance, String maintenanceMessage,
                         String reason, String setBy, Instant setAt, Instant expiresAt, long version,
                         String lastEventId, boolean reduceOnly, Instant reduceOnlyExpiresAt,
                         List<Proposal> proposals) {

    /** An open two-person proposal: {@code action} is a {@code ProposalAction} name. */
    public record Proposal(String action, String proposedBy, String reason, Instant expiresAt) {
        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("action", action);
            map.put("proposedBy", proposedBy);
            map.put("reason", reason);
            map.put("expiresAt", expiresAt.toString());
            return map;
        }
    }

    public ScopeState {
        proposals = proposals == null ? List.of() : List.copyOf(proposals);
    }

    /** A state without open two-person proposals. */
    public ScopeState(String scope, String mode, boolean killSwitch, boolean maintenance, String maintenanceMessage,
                      String reason, String setBy, Instant setAt, Instant expiresAt, long version,
                      String lastEventId, boolean reduceOnly, Instant reduceOnlyExpiresAt) {
        this(scope, mode, killSwitch, maintenance, maintenanceMessage, reason, setBy, setAt, expiresAt, version,
                lastEventId, reduceOnly, reduceOnlyExpiresAt, List.of());
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
        List<Proposal> proposals = new ArrayList<>();
        for (TwoPersonProposal p : state.getProposals()) {
            proposals.add(new Proposal(p.getAction(), p.getProposedBy(), p.getReason(), p.getExpiresAt()));
        }
        ReleaseProposal v4 = state.getReleaseProposal();
        if (proposals.isEmpty() && v4 != null) {
            proposals.add(new Proposal("KILL_SWITCH_RELEASE", v4.getProposedBy(), v4.getReason(), v4.getExpiresAt()));
        }
        return new ScopeState(state.getScope(), state.getMode().name(), state.getKillSwitch(), state.getMaintenance(),
                state.getMaintenanceMessage(), state.getReason(), state.getSetBy(), state.getSetAt(),
                state.getExpiresAt(), state.getVersion(), state.getLastEventId(), reduceOnly != null,
                reduceOnly == null ? null : reduceOnly.getExpiresAt(), proposals);
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
        Proposal release = proposal("KILL_SWITCH_RELEASE");
        map.put("releaseProposal", release != null);
        map.put("releaseProposedBy", release == null ? null : release.proposedBy());
        map.put("releaseProposalExpiresAt", release == null ? null : release.expiresAt().toString());
        map.put("proposals", proposals.stream().map(Proposal::toMap).toList());
        return map;
    }

    /** The open proposal of {@code action} (a {@code ProposalAction} name), or null. */
    public Proposal proposal(String action) {
        return proposals.stream().filter(p -> p.action().equals(action)).findFirst().orElse(null);
    }
}
