package com.tradingcontrol.api.engines;

import com.tradingcontrol.api.ports.Outcome;
import com.tradingcontrol.domain.engines.CommandDecided;
import com.tradingcontrol.domain.engines.EngineReport;
import com.tradingcontrol.domain.engines.HaltIssued;
import com.tradingcontrol.schemas.avro.ControlApplied;
import com.tradingcontrol.schemas.avro.EngineReportType;
import com.tradingcontrol.schemas.avro.HaltSignal;
import java.util.ArrayList;
import java.util.List;

/** The topics' records as the fold's inputs. */
final class EngineInputs {
    private EngineInputs() {}

    /** @throws IllegalArgumentException for a report the fold cannot use (an APPLIED report without what was applied) */
    static EngineReport report(com.tradingcontrol.schemas.avro.EngineReport avro) {
        if (avro.getType() == EngineReportType.APPLIED && avro.getApplied() == null) {
            throw new IllegalArgumentException("APPLIED report of engine " + avro.getEngineId() + " names nothing applied");
        }
        List<EngineReport.Applied> changes = new ArrayList<>(1 + avro.getAlsoApplied().size());
        if (avro.getApplied() != null) {
            changes.add(applied(avro.getApplied()));
        }
        avro.getAlsoApplied().forEach(applied -> changes.add(applied(applied)));
        return new EngineReport(avro.getEngineId(), avro.getEngineVersion(), avro.getClientVersion(), avro.getHost(),
                avro.getSentAt(), avro.getStale(), avro.getStateVersion(), changes);
    }

    private static EngineReport.Applied applied(ControlApplied applied) {
        return new EngineReport.Applied(applied.getCommandId(), applied.getScope(),
                EngineReport.Source.valueOf(applied.getSource().name()), applied.getAggregateVersion(),
                applied.getReceivedAt(), applied.getAppliedAt(), applied.getMode());
    }

    static HaltIssued halt(HaltSignal signal) {
        return new HaltIssued(signal.getCommandId(), signal.getScope(), signal.getKind().name(), signal.getActor(),
                signal.getIssuedAt(), signal.getDecideBy());
    }

    static CommandDecided decided(Outcome outcome) {
        boolean accepted = outcome.status() == Outcome.Status.ACCEPTED;
        return new CommandDecided(outcome.commandId(), outcome.aggregateId(), accepted,
                accepted && !outcome.eventIds().isEmpty(), outcome.decidedAt());
    }
}
