package com.tradingcontrol.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Issue 13's fleet figures: N engines (real control clients with engine ids) on the bench platform.
 * Each halt is a pause of a fresh symbol through the REST API (202, no wait), timed from just before the
 * request: to each client's {@code onHaltSignal} ({@code engines_halt_decision_*}, one sample per client
 * and halt) and to the N-th {@code APPLIED} report read from {@code trading.engine-reports}
 * ({@code engines_halt_all_acked_*}, one sample per halt); idle and under the background load. Then a
 * fast halt the processors reject (a reduce-only shortening one in force, 409) to each client's
 * {@code onHaltRetracted} ({@code engines_rejected_retraction}).
 */
final class EnginesBench {

    static final String DECISION = "engines_halt_decision";
    static final String ALL_ACKED = "engines_halt_all_acked";
    static final String RETRACTION = "engines_rejected_retraction";
    private static final Duration PER_HALT = Duration.ofSeconds(10);

    /** {@code warmupHalts} at least, and on for {@code warmup} (until the JIT compilers settled). */
    record Settings(int engines, int halts, int rejections, int backgroundRate, int warmupHalts, WarmupBounds warmup) {
    }

    private final Platform platform;
    private final Http http;

    EnginesBench(Platform platform) {
        this.platform = platform;
        this.http = new Http(platform.api().baseUrl());
    }

    void run(Report report, Settings s) throws Exception {
        try (EngineFleet fleet = new EngineFleet(platform, s.engines())) {
            JitWarmth.Warmup warmed = warmUp(fleet, s);
            measure(report, fleet, s, warmed, "idle", 0);
            measure(report, fleet, s, warmed, "load", s.backgroundRate());
            rejections(report, fleet, s);
        }
    }

    /** {@code warmupHalts} unmeasured halts, then more (a second of them at a time) until the JIT settled. */
    private JitWarmth.Warmup warmUp(EngineFleet fleet, Settings s) throws Exception {
        halts(fleet, "warmup", s.warmupHalts(), new Stages(), true);
        int[] step = {0};
        return new JitWarmth().warmUp(s.warmup().min(), s.warmup().max(), () -> {
            long end = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            String label = "warmup" + step[0]++ + "x";
            for (int i = 0; System.nanoTime() < end; i++) {
                halts(fleet, label + i, 1, new Stages(), true);
            }
            return true;
        });
    }

    private void measure(Report report, EngineFleet fleet, Settings s, JitWarmth.Warmup warmed, String label,
                         int rate) throws Exception {
        Stages stages = new Stages();
        long undecidedBefore = fleet.undecidedRetractions();
        try (BackgroundLoad load = new BackgroundLoad(platform, rate).start()) {
            halts(fleet, label, s.halts(), stages, rate == 0);
        }
        // Per engine: how many of the run's halts a client gave up on at decideBy (counted until the run ends).
        stages.retractedUndecided = (fleet.undecidedRetractions() - undecidedBefore) / (double) fleet.size();
        Map<String, Object> notes = new LinkedHashMap<>();
        notes.put("first_client_p50_ms", stages.first.figure("first", Map.of()).p50());
        notes.put("first_client_p99_ms", stages.first.figure("first", Map.of()).p99());
        notes.put("http_202_p50_ms", stages.http.figure("http", Map.of()).p50());
        notes.put("http_202_p99_ms", stages.http.figure("http", Map.of()).p99());
        notes.putAll(stages.breakdown.summary());
        notes.put("engines", fleet.size());
        notes.put("halts", s.halts());
        notes.putAll(warmed.notes());
        notes.put("backgroundCommandsPerSecond", rate);
        notes.put("settled", rate == 0 ? "each halt waits for the previous one's committed state in every client"
                : "halts follow each other without waiting");
        notes.put("measured", "REST pause (202) to each client's onHaltSignal listener; to the N-th APPLIED report");
        Figure baseline = report.find(RawKafkaBaseline.ROUND_TRIP);
        for (String name : java.util.List.of(DECISION, ALL_ACKED)) {
            Latencies figure = name.equals(DECISION) ? stages.decisions : stages.acked;
            report.add(figure.figure(name + "_" + label, notes).ratioTo(baseline).withExtra("timeouts", stages.timeouts)
                    .withExtra("retracted_undecided", stages.retractedUndecided)
                    .withExtra("unsettled", stages.unsettled));
        }
    }

    /** What one run of halts measured; {@code retractedUndecided}: halts per engine retracted at decideBy. */
    private static final class Stages {
        final Latencies decisions = new Latencies();
        final Latencies acked = new Latencies();
        final Latencies first = new Latencies();
        final Latencies http = new Latencies();
        final HaltStages breakdown = new HaltStages();
        int timeouts;
        int unsettled;
        double retractedUndecided;
    }

    /**
     * {@code timeouts}: halts that did not reach every engine (decision and report) within {@link #PER_HALT}.
     * With {@code settle} (idle runs) the next halt waits until every client applied the previous one's
     * committed state: otherwise that state, its reports and the processors' commit land in the middle of
     * the next measured halt, and "idle" would measure two halts at once.
     */
    private void halts(EngineFleet fleet, String label, int count, Stages stages, boolean settle) throws Exception {
        for (int i = 0; i < count; i++) {
            String scope = "symbol:E" + label.toUpperCase(java.util.Locale.ROOT) + i;
            FleetProbe probe = fleet.probe(scope, false, stages.decisions);
            http.send("POST", "/api/trading-control/pause", platform.tokens().operator(),
                    "{\"scope\":\"" + scope + "\",\"reason\":\"bench\"}");
            stages.http.recordSince(probe.startNanos);
            if (probe.await(PER_HALT, true)) {
                stages.acked.recordNanos(probe.allAckedAfterNanos());
                stages.first.recordNanos(probe.firstDecidedAfterNanos());
                probe.recordStages(stages.breakdown);
            } else {
                stages.timeouts++;
            }
            if (settle && !fleet.awaitCommitted(scope.substring("symbol:".length()), PER_HALT)) {
                stages.unsettled++;
            }
        }
    }

    private void rejections(Report report, EngineFleet fleet, Settings s) throws Exception {
        Latencies retractions = new Latencies();
        int timeouts = 0;
        for (int i = 0; i < s.rejections(); i++) {
            String scope = "tenant:bench-r" + i;
            expect(reduceOnly(scope, "2099-01-01T00:00:00Z"), 200);
            FleetProbe probe = fleet.probe(scope, true, retractions);
            // Shortening a reduce-only in force passes the API (so it is signalled); the processors reject it.
            expect(reduceOnly(scope, "2098-01-01T00:00:00Z"), 409);
            if (!probe.await(PER_HALT, false)) {
                timeouts++;
            }
        }
        Map<String, Object> notes = Map.of("engines", fleet.size(), "rejectedHalts", s.rejections(),
                "measured", "REST reduce-only the processors reject (409) to each client's onHaltRetracted");
        report.add(retractions.figure(RETRACTION, notes).withExtra("timeouts", timeouts));
    }

    private HttpResponse<String> reduceOnly(String scope, String expiresAt) throws Exception {
        String body = "{\"scope\":\"" + scope + "\",\"reason\":\"bench\",\"expiresAt\":\"" + expiresAt + "\"}";
        return http.client().send(HttpRequest.newBuilder(URI.create(platform.api().baseUrl() + "/api/trading-control/reduce-only"))
                .header("Authorization", "Bearer " + platform.tokens().operator()).header("Content-Type", "application/json")
                .header("Prefer", "wait=30").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("reduce-only answered " + response.statusCode() + ", expected " + status
                    + ": " + response.body());
        }
    }
}
