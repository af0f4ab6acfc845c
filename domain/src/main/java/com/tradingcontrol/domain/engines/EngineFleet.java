package com.tradingcontrol.domain.engines;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The fold: engine reports, halt signals and decisions in, engine status and per-command propagation
 * out. Inputs may arrive in any order (they come from three topics); everything is evaluated at the
 * instant asked for. Not thread-safe: the adapter serialises access.
 */
public final class EngineFleet {
    private final FleetSettings settings;
    private final Map<String, EngineHistory> engines = new TreeMap<>();
    private final Map<String, HaltIssued> signals;
    private final Map<String, CommandDecided> decisions;
    private final Map<String, Map<String, Applications>> applications;

    public EngineFleet(FleetSettings settings) {
        this.settings = settings;
        this.signals = bounded(settings.maxCommands());
        this.decisions = bounded(settings.maxCommands());
        this.applications = bounded(settings.maxCommands());
    }

    public FleetSettings settings() {
        return settings;
    }

    public void report(EngineReport report) {
        engines.computeIfAbsent(report.engineId(), EngineHistory::new).report(report, settings.heartbeatTimeout());
        for (EngineReport.Applied applied : report.applied()) {
            if (applied.commandId() != null) {
                applications.computeIfAbsent(applied.commandId(), id -> new HashMap<>())
                        .computeIfAbsent(report.engineId(), id -> new Applications()).add(applied);
            }
        }
    }

    public void halt(HaltIssued signal) {
        signals.put(signal.commandId(), signal);
    }

    public void decided(CommandDecided decision) {
        decisions.put(decision.commandId(), decision);
    }

    /** Whether the command travelled the fast halt path (and its signal is still remembered). */
    public boolean signalled(String commandId) {
        return signals.containsKey(commandId);
    }

    /** Every engine that reported, ordered by id. */
    public List<EngineStatus> engines(Instant now) {
        List<EngineStatus> statuses = new ArrayList<>();
        for (EngineHistory engine : engines.values()) {
            statuses.add(status(engine, now));
        }
        return statuses;
    }

    public Optional<EngineStatus> engine(String engineId, Instant now) {
        return Optional.ofNullable(engines.get(engineId)).map(engine -> status(engine, now));
    }

    private EngineStatus status(EngineHistory engine, Instant now) {
        EngineReport latest = engine.latest();
        Duration age = Duration.between(latest.sentAt(), now);
        boolean alive = age.compareTo(settings.heartbeatTimeout()) <= 0;
        return new EngineStatus(engine.engineId(), alive ? EngineStatus.Liveness.ALIVE : EngineStatus.Liveness.STALE,
                latest.sentAt(), age, latest.engineVersion(), latest.clientVersion(), latest.host(),
                latest.clientStale(), latest.stateVersion(), engine.lastApplied(), lag(engine.lastApplied()),
                engine.firstSeen());
    }

    /** Applied − decided, or applied − issued for a signal; null when the platform's side is not known here. */
    private Duration lag(EngineReport.Applied applied) {
        if (applied == null || applied.commandId() == null) {
            return null;
        }
        HaltIssued signal = signals.get(applied.commandId());
        if (applied.source() == EngineReport.Source.HALT_SIGNAL && signal != null) {
            return Duration.between(signal.issuedAt(), applied.appliedAt());
        }
        CommandDecided decision = decisions.get(applied.commandId());
        return decision == null ? null : Duration.between(decision.decidedAt(), applied.appliedAt());
    }

    /** Empty when nothing about the command is known: no signal, no decision, no engine applied it. */
    public Optional<Propagation> propagation(String commandId, Instant now) {
        HaltIssued signal = signals.get(commandId);
        CommandDecided decision = decisions.get(commandId);
        Map<String, Applications> applied = applications.getOrDefault(commandId, Map.of());
        if (signal == null && decision == null && applied.isEmpty()) {
            return Optional.empty();
        }
        var facts = new PropagationRules.Facts(commandId, signal, decision, applied);
        return Optional.of(PropagationRules.evaluate(facts, engines.values(), settings, now));
    }

    /** The propagation of every halt still remembered, oldest signal first. */
    public List<Propagation> halts(Instant now) {
        return haltsIssuedAfter(Instant.MIN, now);
    }

    /** The propagation of the halts issued after {@code from}, oldest first. */
    public List<Propagation> haltsIssuedAfter(Instant from, Instant now) {
        return signals.values().stream().filter(signal -> signal.issuedAt().isAfter(from))
                .map(signal -> propagation(signal.commandId(), now).orElseThrow()).toList();
    }

    /** Commands whose propagation engines or time can still change: the halts and the control changes remembered. */
    public List<String> trackedCommands() {
        List<String> ids = new ArrayList<>(signals.keySet());
        decisions.values().stream().filter(CommandDecided::controlChange).map(CommandDecided::commandId)
                .filter(id -> !signals.containsKey(id)).forEach(ids::add);
        return ids;
    }

    private static <V> Map<String, V> bounded(int max) {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        };
    }
}
