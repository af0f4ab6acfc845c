package com.tradingcontrol.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * From sending a pause/resume (or kill switch engage/release) over HTTP until (a) the push arrives on
 * a {@code /ws/trading} client, (b) a plain Kafka consumer of {@code trading.control-state} sees it,
 * (c) {@code GET /api/trading-control} shows it. One change at a time; every fifth is a kill-switch
 * change, the rest alternate pause/resume over 20 symbols.
 */
public final class HaltPropagation {

    private static final long TIMEOUT_SECONDS = 15;

    private final Platform platform;
    private final Http http;

    public HaltPropagation(Platform platform) {
        this.platform = platform;
        this.http = new Http(platform.api().baseUrl());
    }

    /** Runs {@code halts} changes with {@code backgroundPerSecond} other commands/s; label e.g. "idle". */
    public void run(Report report, int halts, int backgroundPerSecond, String label) throws Exception {
        Map<String, Latencies> byPath = new LinkedHashMap<>();
        for (String kind : new String[] {"halt", "killswitch"}) {
            for (String path : new String[] {"ws", "state_topic", "rest"}) {
                byPath.put(kind + "_" + path, new Latencies());
            }
        }
        BenchTokens tokens = platform.tokens();
        try (StateWatchers watchers = new StateWatchers(platform, tokens.customer("bench-tenant"));
             BackgroundLoad load = new BackgroundLoad(platform, backgroundPerSecond).start()) {
            int warmUp = 10;
            for (int i = 0; i < halts + warmUp; i++) {
                HaltOp op = op(i);
                String kind = op.killSwitch() ? "killswitch" : "halt";
                long[] took = measure(op, watchers, op.killSwitch() ? tokens.admin() : tokens.operator());
                if (i >= warmUp) {
                    byPath.get(kind + "_ws").recordNanos(took[0]);
                    byPath.get(kind + "_state_topic").recordNanos(took[1]);
                    byPath.get(kind + "_rest").recordNanos(took[2]);
                }
            }
            Figure baseline = report.find(RawKafkaBaseline.ROUND_TRIP);
            for (Map.Entry<String, Latencies> e : byPath.entrySet()) {
                if (e.getValue().count() > 0) {
                    report.add(e.getValue().figure(e.getKey() + "_" + label, Map.of("halts", halts,
                            "backgroundCommandsPerSecond", backgroundPerSecond,
                            "backgroundCommandsSent", load.sent())).ratioTo(baseline));
                }
            }
        }
    }

    private static HaltOp op(int i) {
        int pair = i / 2;
        boolean on = i % 2 == 0;
        if (pair % 5 == 0) {
            return new HaltOp(i, true, "global", on);
        }
        return new HaltOp(i, false, "symbol:HALT" + (pair % 20), on);
    }

    /** Sends one change; returns nanoseconds to websocket, state topic, REST read. */
    private long[] measure(HaltOp op, StateWatchers watchers, String token) throws Exception {
        CompletableFuture<Long>[] pushes = watchers.expect(op);
        long start = System.nanoTime();
        http.send(op.method(), op.path(), token, op.body());
        long rest = awaitRest(op, start) - start;
        long ws = pushes[0].get(TIMEOUT_SECONDS, TimeUnit.SECONDS) - start;
        long topic = pushes[1].get(TIMEOUT_SECONDS, TimeUnit.SECONDS) - start;
        return new long[] {ws, topic, rest};
    }

    /** Polls the read endpoint back to back (no sleep: the poll interval would be a floor on the figure). */
    private long awaitRest(HaltOp op, long start) throws Exception {
        long deadline = start + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        String token = platform.tokens().operator();
        while (System.nanoTime() < deadline) {
            JsonNode body = http.get("/api/trading-control", token);
            if (shows(body, op)) {
                return System.nanoTime();
            }
        }
        throw new IllegalStateException("GET /api/trading-control did not show halt " + op + " within "
                + TIMEOUT_SECONDS + " s");
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
