package com.tradingcontrol.api.engines;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.api.ports.Outcome;
import com.tradingcontrol.api.ws.ControlChangeMessage;
import com.tradingcontrol.domain.engines.EngineFleet;
import com.tradingcontrol.domain.engines.EngineStatus;
import com.tradingcontrol.domain.engines.Propagation;
import com.tradingcontrol.schemas.avro.HaltSignal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's engine fold behind one lock: the followers feed it, the resources read it, and {@link #tick}
 * (called often, and after records) pushes to {@code /ws/admin} what changed, including what changes with
 * time alone (an engine going stale, a pending engine missing the SLO). A tick re-evaluates only the
 * commands a record touched since the last one and those whose SLO deadline has passed with an engine
 * still pending (the only change time alone makes to a propagation), not every command in flight.
 * Nothing is pushed until {@code caughtUp} says the start-up history has been read, so a restart does
 * not replay old news.
 */
public final class EnginesMonitor {
    public static final String UNUSABLE_METRIC = "engines.reports.unusable";
    public static final String ALIVE_METRIC = "engines.alive";
    public static final String STALE_METRIC = "engines.stale";
    public static final String MISSED_METRIC = "engines.haltsMissed";
    private static final Logger LOG = LoggerFactory.getLogger(EnginesMonitor.class);

    private final EngineFleet fleet;
    private final Clock clock;
    private final Consumer<ControlChangeMessage> admins;
    private final ObjectMapper mapper;
    private final Counter unusable;
    private final Map<String, Map<String, Object>> pushedEngines = new HashMap<>();
    // What was last pushed per command, as many as the fold remembers, so a re-evaluated command pushes only a
    // change. The fold's own value (equal propagations have equal views): no view is built for an unchanged one.
    private final Map<String, Propagation> pushedPropagations;
    // Commands a record touched since the last tick.
    private final Set<String> touched = new LinkedHashSet<>();
    // Commands with an engine still pending, by the SLO deadline at which time alone turns it MISSED.
    private final Map<String, Instant> pending = new HashMap<>();
    private int enginesKnown;
    private volatile BooleanSupplier caughtUp = () -> true;
    private volatile EvidenceKeeper evidence;

    public EnginesMonitor(EngineFleet fleet, Clock clock, Consumer<ControlChangeMessage> admins, ObjectMapper mapper,
                          MetricRegistry metrics) {
        this.fleet = fleet;
        this.clock = clock;
        this.admins = admins;
        this.mapper = mapper;
        this.unusable = metrics.counter(UNUSABLE_METRIC);
        this.evidence = new EvidenceKeeper(PropagationEvidence.NONE, Instant.MAX, metrics);
        int remembered = fleet.settings().maxCommands();
        this.pushedPropagations = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Propagation> eldest) {
                return size() > remembered;
            }
        };
        metrics.register(ALIVE_METRIC, (Gauge<Integer>) () -> flags().alive());
        metrics.register(STALE_METRIC, (Gauge<Integer>) () -> flags().stale().size());
        metrics.register(MISSED_METRIC, (Gauge<Integer>) () -> flags().missedHalts().size());
    }

    void pushOnlyOnce(BooleanSupplier caughtUp) {
        this.caughtUp = caughtUp;
    }

    /** Keeps the propagation of every halt issued after {@code from} in {@code store}. */
    void keepEvidence(PropagationEvidence store, Instant from, MetricRegistry metrics) {
        this.evidence = new EvidenceKeeper(store, from, metrics);
    }

    /** What was kept of a command the fold no longer knows (older than the API's window). */
    public Optional<ObjectNode> evidence(String commandId) {
        return evidence.find(commandId);
    }

    public synchronized void onReport(com.tradingcontrol.schemas.avro.EngineReport report) {
        try {
            var input = EngineInputs.report(report);
            fleet.report(input);
            for (var applied : input.applied()) {
                if (applied.commandId() != null) {
                    touched.add(applied.commandId());
                }
            }
        } catch (RuntimeException e) {
            unusable.inc();
            LOG.error("Engine report of {} not applicable; counted in {} and skipped", report.getEngineId(),
                    UNUSABLE_METRIC, e);
        }
    }

    public synchronized void onSignal(HaltSignal signal) {
        fleet.halt(EngineInputs.halt(signal));
        touched.add(signal.getCommandId());
    }

    public synchronized void onOutcome(Outcome outcome) {
        var decided = EngineInputs.decided(outcome);
        fleet.decided(decided);
        if (decided.controlChange() || fleet.signalled(decided.commandId())) {
            touched.add(decided.commandId());
        }
    }

    public synchronized List<EngineStatus> engines() {
        return fleet.engines(clock.instant());
    }

    public synchronized Optional<Propagation> propagation(String commandId) {
        return fleet.propagation(commandId, clock.instant());
    }

    /** Stale engines and the halts of the last {@code engines.forgetAfter} that an engine missed, as of now. */
    public synchronized EngineFlags flags() {
        Instant now = clock.instant();
        return EngineFlags.of(fleet.engines(now), fleet.haltsIssuedAfter(now.minus(fleet.settings().forgetAfter()), now));
    }

    /** Re-evaluates at the current instant, then stores the halts whose propagation changed. */
    public void tick() {
        evaluate();
        evidence.flush();
    }

    /** A push for every engine, and every command touched or past its deadline, that changed. */
    private synchronized void evaluate() {
        Instant now = clock.instant();
        List<EngineStatus> engines = fleet.engines(now);
        boolean push = caughtUp.getAsBoolean();
        for (EngineStatus engine : engines) {
            Map<String, Object> view = EngineViews.identity(engine);
            if (!view.equals(pushedEngines.put(engine.engineId(), view)) && push) {
                admins.accept(ControlChangeMessage.global("engine-status", mapper.valueToTree(EngineViews.engine(engine))));
            }
        }
        touchWhatTimeChanged(now, engines.size());
        for (String id : touched) {
            Optional<Propagation> propagation = fleet.propagation(id, now);
            propagation.ifPresent(p -> pushIfChanged(p, push));
            Instant deadline = propagation.filter(EnginesMonitor::timeCanChange).map(Propagation::sloDeadline)
                    .orElse(null);
            if (deadline == null) {
                pending.remove(id);
            } else {
                pending.put(id, deadline);
            }
        }
        touched.clear();
    }

    /** Commands with an engine pending whose deadline has passed; all of them when an engine appeared. */
    private void touchWhatTimeChanged(Instant now, int engineCount) {
        if (engineCount != enginesKnown) {
            // A new engine may be expected by commands in flight: look at all of them again.
            enginesKnown = engineCount;
            touched.addAll(pending.keySet());
        }
        pending.forEach((id, deadline) -> {
            if (now.isAfter(deadline)) {
                touched.add(id);
            }
        });
    }

    private void pushIfChanged(Propagation propagation, boolean push) {
        if (propagation.equals(pushedPropagations.put(propagation.commandId(), propagation))) {
            return;
        }
        // Rendered only when a halt is kept as evidence or a client is sent it (most are only buffered).
        ControlChangeMessage message = ControlChangeMessage.lazy("propagation", () -> EngineViews.propagation(propagation));
        evidence.changed(propagation, () -> (ObjectNode) message.payload());
        if (push) {
            admins.accept(message);
        }
    }

    /**
     * Only a pending engine turns (MISSED) with time alone, once the deadline has passed; everything else
     * changes by a record, and every record touches its command again.
     */
    private static boolean timeCanChange(Propagation propagation) {
        return propagation.engines().stream().anyMatch(e -> e.status() == Propagation.Status.PENDING);
    }
}
