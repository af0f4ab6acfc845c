package com.tradingcontrol.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
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
    public record Settings(int halts, int backgroundPerSecond, String label, WarmupBounds warmup, int budgetSeconds) {}

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
            JitWarmth.Warmup warmed = warmUp(watchers, s.warmup());
            stages = new HaltStages();
            long from = System.nanoTime();
            long sentBefore = load.sent();
            long acceptedBefore = bgOutcomes.accepted();
            long budgetEnd = from + TimeUnit.SECONDS.toNanos(s.budgetSeconds());
            String stopped = null;
            int done = 0;
            for (; done < s.halts() && stopped == null; done++) {
                if (System.nanoTime() > budgetEnd) {
                    stopped = "budget of " + s.budgetSeconds() + " s spent";
                    break;
                }
                HaltOp op = op(done, "HALT");
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
            notes.putAll(warmed.notes());
            notes.put("deadlineSeconds", TIMEOUT_SECONDS);
            notes.put("stoppedEarly", stopped == null ? "no" : stopped);
            notes.put("backgroundCommandsPerSecondTarget", s.backgroundPerSecond());
            notes.put("backgroundCommandsSent", load.sent() - sentBefore);
            notes.putAll(platform.streamsProbe().snapshot());
            notes.putAll(stages.summary());
            report(report, tally, s, notes, (load.sent() - sentBefore) / seconds,
                    (bgOutcomes.accepted() - acceptedBefore) / seconds);
            if (stopped == null && done % 2 == 1) {
                settle(op(done, "HALT"), watchers);
            }
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

    /**
     * Unmeasured changes of the same kind for at least {@code bounds.min()} seconds (and 10 changes), then
     * until the JIT compilers settled ({@link JitWarmth}), on symbols of their own and always whole pairs, so
     * the measured part starts from a neutral state and its own first change whatever the machine's speed
     * (which measured changes are kill switches must not depend on how many warm-up changes fit in the
     * warm-up time). A change that timed out and could not be resynchronised ends the warm-up.
     */
    private JitWarmth.Warmup warmUp(StateWatchers watchers, WarmupBounds bounds) throws Exception {
        int[] next = {0};
        return new JitWarmth().warmUp(bounds.min(), bounds.max(), () -> {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (next[0] < MIN_WARM_UP_CHANGES || System.nanoTime() < end || next[0] % 2 == 1) {
                HaltOp op = op(next[0]++, "WARM");
                if (HaltTally.anyTimeout(measure(op, watchers)) && !resync(op)) {
                    return false; // the missed change's scope stays unknown; the measured part uses other symbols
                }
            }
            return true;
        });
    }

    /** Sends the partner of the last measured change, unmeasured, so the next run starts neutral too. */
    private void settle(HaltOp op, StateWatchers watchers) throws Exception {
        if (HaltTally.anyTimeout(measure(op, watchers))) {
            resync(op);
        }
    }

    /**
     * The {@code i}-th change of a sequence: pairs (on, then off) where pair 0 and every fifth after it
     * engage and release the kill switch, the others pause and resume one of 20 symbols {@code prefix<n>}.
     */
    static HaltOp op(int i, String prefix) {
        int pair = i / 2;
        boolean on = i % 2 == 0;
        if (pair % 5 == 0) {
            return new HaltOp(i, true, "global", on);
        }
        return new HaltOp(i, false, "symbol:" + prefix + (pair % 20), on);
    }

    /** Sends one change; returns nanoseconds to websocket, state topic, REST read (negative: timed out). */
    private long[] measure(HaltOp op, StateWatchers watchers) throws Exception {
        String token = platform.tokens().operator();
        if (op.killSwitch() && !op.on()) {
            // Two-person rule: one admin proposes (not measured), a second admin's approval releases. The
            // proposal is awaited until decided, as a second person approves it only once it is shown:
            // sent back to back, the approval queued behind the proposal's processing and transaction and
            // the figure measured two commands (old builds released with one DELETE).
            http.sendAndWait("POST", "/api/kill-switch/release", platform.tokens().admin(),
                    "{\"reason\":\"bench\"}", (int) TIMEOUT_SECONDS);
            token = platform.tokens().secondAdmin();
        }
        CompletableFuture<Long>[] pushes = watchers.expect(op);
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
     * load every change invalidated the API's listing cache, so each poll rebuilt the listing, and the
     * poller took the CPU the processors needed, delaying all three paths it was measuring. The interval
     * adds at most that much to the REST figure (resolution), nothing to the other two.
     */
    private long awaitRest(HaltOp op, long deadline) throws Exception {
        String token = platform.tokens().operator();
        while (System.nanoTime() < deadline) {
            if (shows(http.getBytes("/api/trading-control", token), op)) {
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

    /**
     * Does the listing show the change? Read with Jackson's streaming parser, which looks only at global
     * (kill switch) or at the scopes up to the op's own and stops there: a tree of the whole listing
     * (some 100 scopes) per poll made the poller a noticeable CPU consumer on the machine it measures.
     * The condition is the one a tree would give: global's mode and kill switch, or the first entry of
     * the op's scope; a missing field reads as empty/false.
     */
    static boolean shows(byte[] body, HaltOp op) throws IOException {
        try (JsonParser p = Http.JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("GET /api/trading-control did not answer an object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (op.killSwitch() && "global".equals(field) && p.currentToken() == JsonToken.START_OBJECT) {
                    JsonNode global = p.readValueAsTree();
                    return op.shownBy("global", global.path("mode").asText(), global.path("killSwitch").asBoolean());
                }
                if (!op.killSwitch() && "scopes".equals(field) && p.currentToken() == JsonToken.START_ARRAY) {
                    return scopeShows(p, op);
                }
                p.skipChildren();
            }
        }
        // No global (reads as not halted) or no scopes at all.
        return op.killSwitch() ? op.shownBy("global", "", false) : op.shownBy(op.scope(), "ACTIVE", false);
    }

    /** With {@code p} at the scopes array: the first entry of the op's scope decides. */
    private static boolean scopeShows(JsonParser p, HaltOp op) throws IOException {
        for (JsonToken entry = p.nextToken(); entry != null && entry != JsonToken.END_ARRAY; entry = p.nextToken()) {
            if (entry != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String scope = "";
            String mode = "";
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("scope".equals(field) && value.isScalarValue()) {
                    scope = p.getValueAsString("");
                } else if ("mode".equals(field) && value.isScalarValue()) {
                    mode = p.getValueAsString("");
                } else {
                    p.skipChildren();
                }
            }
            if (op.scope().equals(scope)) {
                return op.shownBy(op.scope(), mode, false);
            }
        }
        // No document yet for the scope: it was never paused, so it shows "active".
        return op.shownBy(op.scope(), "ACTIVE", false);
    }
}
