package com.tradingcontrol.domain.engines;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How one command reached the engines, as of an instant.
 *
 * @param halt        the command travelled the fast halt path (a signal was published)
 * @param issuedAt    when the API issued the signal; null without one
 * @param decidedAt   when the processors decided it; null while undecided (or not known here)
 * @param sloDeadline expected engines that have not applied it by then missed it: issuedAt (halts) or
 *                    decidedAt (other control changes) plus the propagation SLO; null while neither is known
 * @param engines     expected engines and any other engine that applied it, ordered by engine id
 */
public record Propagation(String commandId, String scope, String kind, boolean halt, Instant issuedAt,
                          Instant decideBy, Decision decision, Instant decidedAt, Instant sloDeadline,
                          List<EngineApplication> engines) {
    public enum Decision { UNDECIDED, ACCEPTED, REJECTED }

    /**
     * APPLIED / LATE: applied by / after the SLO deadline; PENDING: not yet, deadline not passed;
     * MISSED: not applied by the deadline. For a rejected halt: RETRACTED (signal applied, then undone),
     * HOLDING (signal applied and not yet undone), NOT_APPLIED (signal never applied: nothing to undo).
     */
    public enum Status { APPLIED, LATE, PENDING, MISSED, RETRACTED, HOLDING, NOT_APPLIED }

    /**
     * @param expected        known to the platform when the command was decided (or issued), so it should apply it
     * @param aliveAtDecision reporting at that moment
     * @param sinceIssued     signal applied − issued; null without both
     * @param sinceDecided    first application − decided; negative when the signal beat the decision
     */
    public record EngineApplication(String engineId, boolean expected, boolean aliveAtDecision,
                                    Instant signalAppliedAt, Instant stateAppliedAt, Instant retractedAt,
                                    Duration sinceIssued, Duration sinceDecided, Status status) {}

    public List<String> missed() {
        return engines.stream().filter(e -> e.status() == Status.MISSED).map(EngineApplication::engineId).toList();
    }

    /** Nothing about it can change with time alone any more (only a late report could). */
    public boolean settled() {
        return decision != Decision.UNDECIDED && engines.stream()
                .noneMatch(e -> e.status() == Status.PENDING || e.status() == Status.HOLDING);
    }
}
