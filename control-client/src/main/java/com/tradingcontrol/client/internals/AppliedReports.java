package com.tradingcontrol.client.internals;

import com.tradingcontrol.domain.ControlMode;
import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.domain.control.ControlState;
import com.tradingcontrol.schemas.avro.AppliedSource;
import com.tradingcontrol.schemas.avro.ControlApplied;

import java.time.Clock;
import java.time.Instant;

/**
 * Turns what the reader applied into APPLIED reports for the {@link EngineReporter}: called on the
 * reader thread right after decide() started answering from it; building a report allocates a
 * little and hands it over without blocking.
 */
final class AppliedReports {

    private final EngineReporter reporter;
    private final Clock clock;

    AppliedReports(EngineReporter reporter, Clock clock) {
        this.reporter = reporter;
        this.clock = clock;
    }

    /** Every scope a batch of state records changed, with the mode now imposed there. */
    void stateApplied(StateSnapshot snapshot, HaltOverlay overlay, ChangeSet changes) {
        Instant appliedAt = clock.instant();
        for (String scope : changes.scopes()) {
            Scope parsed = Scope.parse(scope);
            ControlState state = snapshot.stateOf(parsed);
            reporter.applied(applied(changes.commandIds().get(scope), scope, AppliedSource.STATE,
                    state == null ? null : state.version(), changes.receivedAt(), appliedAt,
                    DecisionMaker.modeAt(snapshot, overlay, parsed, appliedAt)));
        }
    }

    /** Halt signals applied and retracted with one overlay. */
    void haltsApplied(StateSnapshot snapshot, FastHalts.Changes changes) {
        Instant now = clock.instant();
        for (PendingHalt h : changes.applied()) {
            reporter.applied(applied(h.commandId(), h.scope().toString(), AppliedSource.HALT_SIGNAL, null,
                    h.receivedAt(), now, DecisionMaker.modeAt(snapshot, changes.overlay(), h.scope(), now)));
        }
        for (FastHalts.Retraction r : changes.retracted()) {
            Scope scope = r.halt().scope();
            reporter.applied(applied(r.halt().commandId(), scope.toString(), AppliedSource.RETRACTION, null, now, now,
                    DecisionMaker.modeAt(snapshot, changes.overlay(), scope, now)));
        }
    }

    private static ControlApplied applied(String commandId, String scope, AppliedSource source, Long version,
                                          Instant receivedAt, Instant appliedAt, ControlMode mode) {
        return ControlApplied.newBuilder().setCommandId(commandId).setScope(scope).setSource(source)
                .setAggregateVersion(version).setReceivedAt(receivedAt).setAppliedAt(appliedAt)
                .setMode(mode.name()).build();
    }
}
