package com.tradingcontrol.codec;

import com.tradingcontrol.domain.Provenance;
import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.domain.control.ControlState;
import com.tradingcontrol.schemas.avro.ActiveControl;
import com.tradingcontrol.schemas.avro.ControlKind;
import com.tradingcontrol.schemas.avro.ControlMode;
import com.tradingcontrol.domain.ProposalAction;
import com.tradingcontrol.domain.control.TwoPersonProposals;
import com.tradingcontrol.schemas.avro.ReleaseProposal;
import com.tradingcontrol.schemas.avro.TwoPersonProposal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Domain control state to the compacted {@code trading.control-state} record and back.
 *
 * <p>Since v2 the record lists every control in force with its own provenance ({@code controls}),
 * so the way back is exact. Records written before v2 carry only the last change's
 * reason/setBy/setAt; for them the way back is lossy (each control gets the last-change
 * provenance, and a pause hidden behind maintenance is not recognised). The processors use the
 * way back only for other partitions' scopes, where it feeds notes ("kill switch engaged:
 * effective mode stays HALTED"), never a decision about the record's own aggregate.
 */
public final class ControlStateMapper {

    private ControlStateMapper() {
    }

    /** The mode a scope imposes on its own ({@link ControlState#imposedMode()}), as the Avro enum. */
    public static ControlMode modeOf(ControlState state) {
        return ControlMode.valueOf(state.imposedMode().name());
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
                .setControls(activeControls(state))
                .setReleaseProposal(releaseProposal(state.proposal(ProposalAction.KILL_SWITCH_RELEASE)))
                .setProposals(state.proposals().all().stream().map(ControlStateMapper::proposal).toList())
                .build();
    }

    /** The kill-switch release proposal as ControlState v4 carried it (kept for its readers). */
    private static ReleaseProposal releaseProposal(TwoPersonProposals.Proposal proposal) {
        if (proposal == null) {
            return null;
        }
        Provenance by = proposal.proposedBy();
        return ReleaseProposal.newBuilder().setProposedBy(by.actorSubject()).setProposedAt(by.at())
                .setCommandId(by.commandId()).setReason(by.reason()).setExpiresAt(proposal.expiresAt()).build();
    }

    private static TwoPersonProposal proposal(TwoPersonProposals.Proposal proposal) {
        Provenance by = proposal.proposedBy();
        return TwoPersonProposal.newBuilder().setAction(proposal.action().name()).setProposedBy(by.actorSubject())
                .setProposedAt(by.at()).setCommandId(by.commandId()).setReason(by.reason())
                .setExpiresAt(proposal.expiresAt()).build();
    }

    /** The proposals of a record: v5's list, or v4's kill-switch release proposal alone. */
    private static TwoPersonProposals proposals(com.tradingcontrol.schemas.avro.ControlState avro) {
        List<TwoPersonProposals.Proposal> proposals = new ArrayList<>();
        for (TwoPersonProposal p : avro.getProposals()) {
            proposals.add(new TwoPersonProposals.Proposal(ProposalAction.valueOf(p.getAction()),
                    new Provenance(p.getProposedBy(), p.getProposedAt(), p.getCommandId(), p.getReason()),
                    p.getExpiresAt()));
        }
        ReleaseProposal v4 = avro.getReleaseProposal();
        if (proposals.isEmpty() && v4 != null) {
            proposals.add(new TwoPersonProposals.Proposal(ProposalAction.KILL_SWITCH_RELEASE, new Provenance(
                    v4.getProposedBy(), v4.getProposedAt(), v4.getCommandId(), v4.getReason()), v4.getExpiresAt()));
        }
        return TwoPersonProposals.of(proposals);
    }

    private static List<ActiveControl> activeControls(ControlState state) {
        List<ActiveControl> controls = new ArrayList<>();
        if (state.pause() != null) {
            controls.add(control(ControlKind.PAUSE, ControlMode.PAUSED, state.pause().setBy(), state.pause().expiresAt(), null));
        }
        if (state.isKillSwitchEngaged()) {
            controls.add(control(ControlKind.KILL_SWITCH, ControlMode.HALTED, state.killSwitch().engagedBy(), null, null));
        }
        if (state.isMaintenanceOn()) {
            controls.add(control(ControlKind.MAINTENANCE, ControlMode.PAUSED, state.maintenance().enabledBy(), null,
                    state.maintenance().message()));
        }
        if (state.reduceOnly() != null) {
            controls.add(control(ControlKind.REDUCE_ONLY, ControlMode.REDUCE_ONLY, state.reduceOnly().setBy(),
                    state.reduceOnly().expiresAt(), null));
        }
        return controls;
    }

    private static ActiveControl control(ControlKind kind, ControlMode mode, Provenance by, Instant expiresAt,
                                         String message) {
        return ActiveControl.newBuilder().setKind(kind).setMode(mode).setReason(by.reason())
                .setSetBy(by.actorSubject()).setSetAt(by.at()).setCommandId(by.commandId())
                .setExpiresAt(expiresAt).setMessage(message).build();
    }

    private static Provenance provenance(ActiveControl control) {
        return new Provenance(control.getSetBy(), control.getSetAt(), control.getCommandId(), control.getReason());
    }

    private static ControlState fromControls(com.tradingcontrol.schemas.avro.ControlState avro) {
        ControlState.Pause pause = null;
        ControlState.KillSwitch killSwitch = null;
        ControlState.Maintenance maintenance = null;
        ControlState.ReduceOnly reduceOnly = null;
        for (ActiveControl control : avro.getControls()) {
            switch (control.getKind()) {
                case PAUSE -> pause = new ControlState.Pause(provenance(control), control.getExpiresAt());
                case KILL_SWITCH -> killSwitch = new ControlState.KillSwitch(provenance(control));
                case MAINTENANCE -> maintenance = new ControlState.Maintenance(control.getMessage(), provenance(control));
                case REDUCE_ONLY -> reduceOnly = new ControlState.ReduceOnly(provenance(control), control.getExpiresAt());
                default -> throw new IllegalArgumentException("unknown control kind " + control.getKind());
            }
        }
        return new ControlState(Scope.parse(avro.getScope()), avro.getVersion(), pause, killSwitch, maintenance,
                reduceOnly, proposals(avro));
    }

    public static ControlState fromAvro(com.tradingcontrol.schemas.avro.ControlState avro) {
        boolean restricted = avro.getMode() != ControlMode.ACTIVE || avro.getKillSwitch() || avro.getMaintenance();
        if (!avro.getControls().isEmpty() || !restricted) {
            return fromControls(avro);
        }
        // A pre-v2 record: only the last change's provenance is known.
        Instant setAt = avro.getSetAt() == null ? Instant.EPOCH : avro.getSetAt();
        String setBy = avro.getSetBy() == null ? "unknown" : avro.getSetBy();
        Provenance last = new Provenance(setBy, setAt, commandIdOf(avro.getLastEventId()), avro.getReason());
        // (pre-v2 records predate reduce-only: a restricted one without controls is a pause)
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
