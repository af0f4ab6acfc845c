package com.tradingcontrol.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a halt's time goes, for the figures' notes: {@code http_202} = the API accepted the command
 * (produced to Kafka, acks=all); {@code decided} = send until the processors stamped the resulting
 * state record (their clock, ms resolution; same host, so comparable); {@code decided_to_state_topic} =
 * from there until a read_committed consumer saw it, i.e. the transaction commit and the fetch.
 */
final class HaltStages {

    private final Map<String, Latencies> stages = new LinkedHashMap<>();

    synchronized void record(String stage, long nanos) {
        stages.computeIfAbsent(stage, k -> new Latencies()).recordNanos(nanos);
    }

    /** {@code stage_<name>_p50_ms} and {@code stage_<name>_p99_ms} per stage. */
    synchronized Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        stages.forEach((name, l) -> {
            Figure f = l.figure(name, Map.of());
            out.put("stage_" + name + "_p50_ms", f.p50());
            out.put("stage_" + name + "_p99_ms", f.p99());
        });
        return out;
    }
}
