package com.tradingcontrol.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * From sending a pause/resume (or kill switch engage/release) over HTTP until (a) the push arrives on
 * a {@code /ws/trading} client, (b) a plain Kafka consumer of {@code trading.control-state} sees it,
 * (c) {@code GET /api/trading-control} shows it. One change at a time; every fifth is a kill-switch
 * change, the rest alternate pause/resume over 20 symbols. A change that misses the deadline on a path
 * counts as a timeout there and the run goes on (see {@link HaltTally}).
 */
public final class HaltPropagation {

    /** A halt not shown within 5 s is a failure whatever its exact latency; a longer wait only lengthens the run. */
    static final long TIMEOUT_SECONDS = 5;
    /** After a miss, how long the state may take to catch up before the run stops (see {@link #resync}). */
    private static final long RESYNC_SECONDS = 60;
    static final long REST_POLL_INTERVAL_MS = 5;
    private static final int MIN_WARM_UP_CHANGES = 10;

    /** One halt run: {@code label} e.g. "idle"; budget = wall-clock cap on the measured part. */
    public record Settings(int halts, int backgroundPerSecond, String label, int warmupSeconds, int budgetSeconds) {}

    private final Platform platform;
    private final Http http;
    private HaltStages stages = new HaltStages();

    public HaltPropagation(Platform platform) {
        this.platform = platform;
        this.http = new Http(platform.api().baseUrl());
    }

    public void run(Report report, Settings s) throws Exception {
        HaltTally tally = new HaltTally(TIMEOUT_SECONDS);
        BenchTokens tokens = platform.tokens();
        try (StateWatchers watchers = new StateWatchers(platform, tokens.customer("bench-tenant"));
             CommandThroughput.OutcomeCounter bgOutcomes = new CommandThroughput.OutcomeCounter(platform,
                     BackgroundLoad.COMMAND_ID_PREFIX);
             BackgroundLoad load = new BackgroundLoad(platform, s.backgroundPerSecond()).start()) {
            int i = warmUp(watchers, s.warmupSeconds());
            stages = new HaltStages();
            long from = System.nanoTime();
            long sentBefore = load.sent();
            long acceptedBefore = bgOutcomes.accepted();
            long budgetEnd = from + TimeUnit.SECONDS.toNanos(s.budgetSeconds());
            String stopped = null;
            int done = 0;
            for (; done < s.halts() && stopped == null; done++, i++) {
                if (System.nanoTime() > budgetEnd) {
                    stopped = "budget of " + s.budgetSeconds() + " s spent";
                    break;
                }
                HaltOp op = op(i);
                long[] took = measure(op, watchers);
                tally.record(op, took);
                if (HaltTally.anyTimeout(took) && !resync(op)) {
                    stopped = "state did not show " + op + " within " + RESYNC_SECONDS + " s after its timeout";
                }
            }
            double seconds = (System.nanoTime() - from) / 1e9;
            Map<String, Object> notes = new LinkedHashMap<>();
            notes.put("halts", s.halts());
            notes.put("measuredChanges", done);
            notes.put("warmupSeconds", s.warmupSeconds());
            notes.put("deadlineSeconds", TIMEOUT_SECONDS);
            notes.put("stoppedEarly", stopped == null ? "no" : stopped);
            notes.put("backgroundCommandsPerSecondTarget", s.backgroundPerSecond());
            notes.put("backgroundCommandsSent", load.sent() - sentBefore);
            notes.putAll(platform.streamsProbe().snapshot());
            notes.putAll(stages.summary());
            report(report, tally, s, notes, (load.sent() - sentBefore) / seconds,
                    (bgOutcomes.accepted() - acceptedBefore) / seconds);
        }
    }

    private void report(Report report, HaltTally tally, Settings s, Map<String, Object> notes, double sentPerSecond,
                        double acceptedPerSecond) {
        Figure baseline = report.find(RawKafkaBaseline.ROUND_TRIP);
        for (Map.Entry<String, Latencies> e : tally.latencies().entrySet()) {
            if (e.getValue().count() == 0) {
                continue;
            }
            Figure f = e.getValue().figure(e.getKey() + "_" + s.label(), notes).ratioTo(baseline)
                    .withExtra("timeouts", tally.timeouts(e.getKey()));
            if (s.backgroundPerSecond() > 0) {
                f = f.withExtra("load_target_per_s", s.backgroundPerSecond())
                        .withExtra("load_sent_per_s", Math.round(sentPerSecond))
                        .withExtra("load_accepted_per_s", Math.round(acceptedPerSecond));
            }
            report.add(f);
        }
    }

    /** Unmeasured changes of the same kind for {@code seconds} (at least 10); returns the next index. */
    private int warmUp(StateWatchers watchers, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int i = 0;
        for (; i < MIN_WARM_UP_CHANGES || System.nanoTime() < end; i++) {
            HaltOp op = op(i);
            if (HaltTally.anyTimeout(measure(op, watchers)) && !resync(op)) {
                // Skip the missed change's partner (same scope, opposite direction): it would "arrive" at
                // once. The next pair is another scope, so the measured part starts unambiguous.
                return (i / 2 + 1) * 2;
            }
        }
        return i;
    }

    private static HaltOp op(int i) {
        int pair = i / 2;
        boolean on = i % 2 == 0;
        if (pair % 5 == 0) {
            return new HaltOp(i, true, "global", on);
        }
        return new HaltOp(i, false, "symbol:HALT" + (pair % 20), on);
    }

    /** Sends one change; returns nanoseconds to websocket, state topic, REST read (negative: timed out). */
    private long[] measure(HaltOp op, StateWatchers watchers) throws Exception {
        CompletableFuture<Long>[] pushes = watchers.expect(op);
        String token = op.killSwitch() ? platform.tokens().admin() : platform.tokens().operator();
        long startMs = System.currentTimeMillis();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        http.send(op.method(), op.path(), token, op.body());
        stages.record("http_202", System.nanoTime() - start);
        long rest = awaitRest(op, deadline);
        long[] took = {arrival(pushes[0], deadline) - start, arrival(pushes[1], deadline) - start,
            rest < 0 ? -1 : rest - start};
        long decidedMs = watchers.stateTimestampMs();
        if (decidedMs >= startMs && took[1] >= 0) {
            long decided = TimeUnit.MILLISECONDS.toNanos(decidedMs - startMs);
            stages.record("decided", decided);
            stages.record("decided_to_state_topic", Math.max(0, took[1] - decided));
        }
        return took;
    }

    /** The push's nanoTime, or a value that makes {@code arrival - start} negative if it missed the deadline. */
    private static long arrival(CompletableFuture<Long> push, long deadline) throws Exception {
        try {
            return push.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return Long.MIN_VALUE / 2;
        }
    }

    /**
     * Polls the read endpoint every {@link #REST_POLL_INTERVAL_MS} ms. Back to back (and even every 2 ms)
     * polling made the bench's own reader the busiest client on a 2-core machine: under the background
     * load every change invalidates the API's listing cache, so each poll rebuilds the listing, and the
     * poller took the CPU the processors needed, delaying all three paths it was measuring. The interval
     * adds at most that much to the REST figure (resolution), nothing to the other two.
     */
    private long awaitRest(HaltOp op, long deadline) throws Exception {
        String token = platform.tokens().operator();
        while (System.nanoTime() < deadline) {
            if (shows(http.get("/api/trading-control", token), op)) {
                return System.nanoTime();
            }
            Thread.sleep(REST_POLL_INTERVAL_MS);
        }
        return -1;
    }

    /**
     * After a miss the next change (often the same scope, opposite direction) would "arrive" at once
     * if the missed one never applied, so wait, unmeasured, until the read side shows the missed one.
     */
    private boolean resync(HaltOp op) throws Exception {
        return awaitRest(op, System.nanoTime() + TimeUnit.SECONDS.toNanos(RESYNC_SECONDS)) >= 0;
    }

    private static boolean shows(JsonNode body, HaltOp op) {
        JsonNode global = body.path("global");
        if (op.killSwitch()) {
            return op.shownBy("global", global.path("mode").asText(), global.path("killSwitch").asBoolean());
        }
        for (JsonNode scope : body.path("scopes")) {
            if (op.scope().equals(scope.path("scope").asText())) {
                return op.shownBy(op.scope(), scope.path("mode").asText(), false);
            }
        }
        // No document yet for the scope: it was never paused, so it shows "active".
        return op.shownBy(op.scope(), "ACTIVE", false);
    }
}
