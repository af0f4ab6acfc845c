package com.tradingcontrol.api.engines;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.domain.engines.EngineReport;
import com.tradingcontrol.domain.engines.EngineStatus;
import com.tradingcontrol.domain.engines.Propagation;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON shapes of engine status and propagation, shared by the REST resources and the pushes (docs/api.md). */
final class EngineViews {
    private EngineViews() {}

    static Map<String, Object> engine(EngineStatus engine) {
        Map<String, Object> view = identity(engine);
        view.put("lastHeartbeat", text(engine.lastHeartbeat()));
        view.put("heartbeatAgeMillis", millis(engine.heartbeatAge()));
        view.put("firstSeen", text(engine.firstSeen()));
        view.put("stateVersion", engine.stateVersion());
        view.put("lastApplied", applied(engine.lastApplied()));
        view.put("lastAppliedLagMillis", millis(engine.lastAppliedLag()));
        return view;
    }

    /** What an engine-status push reports a change of: no heartbeat times, which change every second. */
    static Map<String, Object> identity(EngineStatus engine) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("engineId", engine.engineId());
        view.put("status", engine.liveness().name());
        view.put("clientStale", engine.clientStale());
        view.put("engineVersion", engine.engineVersion());
        view.put("clientVersion", engine.clientVersion());
        view.put("host", engine.host());
        return view;
    }

    private static Map<String, Object> applied(EngineReport.Applied applied) {
        if (applied == null) {
            return null;
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("commandId", applied.commandId());
        view.put("scope", applied.scope());
        view.put("source", applied.source().name());
        view.put("aggregateVersion", applied.aggregateVersion());
        view.put("appliedAt", text(applied.appliedAt()));
        view.put("mode", applied.mode());
        return view;
    }

    /**
     * Built as a tree, not a map: the engines tick builds one for every command whose propagation changed
     * (each control change at least once), and converting a map costs a serialization round trip.
     */
    static ObjectNode propagation(Propagation propagation) {
        ObjectNode view = JsonNodeFactory.instance.objectNode();
        view.put("commandId", propagation.commandId());
        view.put("scope", propagation.scope());
        view.put("kind", propagation.kind());
        view.put("halt", propagation.halt());
        view.put("issuedAt", text(propagation.issuedAt()));
        view.put("decideBy", text(propagation.decideBy()));
        view.put("decision", propagation.decision().name());
        view.put("decidedAt", text(propagation.decidedAt()));
        view.put("sloDeadline", text(propagation.sloDeadline()));
        ArrayNode missed = view.putArray("missed");
        propagation.missed().forEach(missed::add);
        view.put("settled", propagation.settled());
        ArrayNode engines = view.putArray("engines");
        propagation.engines().forEach(row -> engines.add(application(row)));
        return view;
    }

    private static ObjectNode application(Propagation.EngineApplication row) {
        ObjectNode view = JsonNodeFactory.instance.objectNode();
        view.put("engineId", row.engineId());
        view.put("status", row.status().name());
        view.put("expected", row.expected());
        view.put("aliveAtDecision", row.aliveAtDecision());
        view.put("signalAppliedAt", text(row.signalAppliedAt()));
        view.put("stateAppliedAt", text(row.stateAppliedAt()));
        view.put("retractedAt", text(row.retractedAt()));
        view.put("sinceIssuedMillis", millis(row.sinceIssued()));
        view.put("sinceDecidedMillis", millis(row.sinceDecided()));
        return view;
    }

    static List<Map<String, Object>> engines(List<EngineStatus> engines) {
        return engines.stream().map(EngineViews::engine).toList();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Long millis(Duration duration) {
        return duration == null ? null : duration.toMillis();
    }
}
