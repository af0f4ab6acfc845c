package com.tradingcontrol.domain.engines;

import com.tradingcontrol.domain.engines.Propagation.Decision;
import com.tradingcontrol.domain.engines.Propagation.EngineApplication;
import com.tradingcontrol.domain.engines.Propagation.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Evaluates one command's propagation from what the fold holds, at an instant. */
final class PropagationRules {
    private PropagationRules() {}

    /** What the fold holds about one command; any of signal, decision may be null, applications may be empty. */
    record Facts(String commandId, HaltIssued signal, CommandDecided decision, Map<String, Applications> applications) {}

    static Propagation evaluate(Facts facts, Collection<EngineHistory> engines, FleetSettings settings, Instant now) {
        HaltIssued signal = facts.signal();
        CommandDecided decision = facts.decision();
        Instant decidedAt = decision == null ? null : decision.decidedAt();
        // "Alive when decided": until the processors decide, the moment the signal was issued stands in.
        Instant decisionTime = decidedAt != null ? decidedAt : signal == null ? null : signal.issuedAt();
        Instant sloStart = signal != null ? signal.issuedAt() : decidedAt;
        Instant deadline = sloStart == null ? null : sloStart.plus(settings.propagationSlo());
        // An accepted no-op (e.g. a kill switch engaged twice) changes nothing an engine could apply.
        boolean noOp = decision != null && decision.accepted() && !decision.changedState();
        boolean expects = decisionTime != null && !noOp && (signal != null || decision.controlChange());
        Decision state = decision == null ? Decision.UNDECIDED : decision.accepted() ? Decision.ACCEPTED : Decision.REJECTED;
        List<EngineApplication> rows = new ArrayList<>();
        for (EngineHistory engine : engines) {
            Applications applied = facts.applications().get(engine.engineId());
            boolean expected = expects && engine.knownAt(decisionTime, settings.forgetAfter());
            if (!expected && applied == null) {
                continue;
            }
            boolean alive = decisionTime != null && engine.aliveAt(decisionTime, settings.heartbeatTimeout());
            Applications a = applied == null ? new Applications() : applied;
            rows.add(new EngineApplication(engine.engineId(), expected, alive, a.signal(), a.state(), a.retraction(),
                    between(signal == null ? null : signal.issuedAt(), a.signal()), between(decidedAt, a.first()),
                    status(state, expected, a, deadline, now)));
        }
        String scope = signal != null ? signal.scope() : decision != null ? decision.aggregateId() : null;
        return new Propagation(facts.commandId(), scope, signal == null ? null : signal.kind(), signal != null,
                signal == null ? null : signal.issuedAt(), signal == null ? null : signal.decideBy(), state, decidedAt,
                deadline, List.copyOf(rows));
    }

    static Status status(Decision decision, boolean expected, Applications applied, Instant deadline, Instant now) {
        if (decision == Decision.REJECTED) {
            if (applied.signal() == null) {
                return Status.NOT_APPLIED;
            }
            return applied.retraction() != null ? Status.RETRACTED : Status.HOLDING;
        }
        Instant first = applied.first();
        if (first != null) {
            boolean late = expected && deadline != null && first.isAfter(deadline);
            return late ? Status.LATE : Status.APPLIED;
        }
        return deadline != null && now.isAfter(deadline) ? Status.MISSED : Status.PENDING;
    }

    static Duration between(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to);
    }
}
