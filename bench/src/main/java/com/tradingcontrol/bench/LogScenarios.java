package com.tradingcontrol.bench;

import com.tradingcontrol.projections.rebuild.Rebuild;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The scenarios that need a big event log: {@code GET /api/state?asOf=} latency at each requested log
 * size, then a projection rebuild (replay from offset 0 into a new projection version in the embedded
 * SQLite store) at the rebuild size. Sizes are visited in increasing order on one growing log.
 */
public final class LogScenarios {

    private final Platform platform;
    private final EventLog log;
    private final Http http;

    public LogScenarios(Platform platform) {
        this.platform = platform;
        this.log = new EventLog(platform);
        this.http = new Http(platform.api().baseUrl());
    }

    /** Before the first size, {@code warmupSeconds} of the same queries, excluded from the figures. */
    public void timeTravel(Report report, List<Long> sizes, int queries, int warmupSeconds) throws Exception {
        boolean jitWarm = false;
        for (long size : sizes.stream().sorted().toList()) {
            log.growTo(size);
            long actual = log.size();
            String token = platform.tokens().admin();
            warmUp(token);
            if (!jitWarm) {
                long end = System.nanoTime() + warmupSeconds * 1_000_000_000L;
                while (System.nanoTime() < end) {
                    http.get("/api/state?asOf=" + randomInstant(), token);
                }
                jitWarm = true;
            }
            Latencies latencies = new Latencies();
            for (int i = 0; i < queries; i++) {
                long start = System.nanoTime();
                http.get("/api/state?asOf=" + randomInstant(), token);
                latencies.recordSince(start);
            }
            report.add(latencies.figure("timetravel_asof_" + label(size), Map.of("eventsInLog", actual,
                    "queries", queries, "warmupSeconds", warmupSeconds)));
        }
    }

    public void rebuild(Report report, long events) throws Exception {
        log.growTo(events);
        // The live projector would compete with the replay for the same SQLite file and CPU.
        platform.stopProjector();
        long start = System.nanoTime();
        Rebuild.Result result = platform.projector().rebuild().run();
        double seconds = result.catchUpTime().toNanos() / 1e9;
        long replayed = result.catchUpPoint().values().stream().mapToLong(Long::longValue).sum();
        report.add(RateSamples.single("projection_rebuild", replayed / seconds, "events/s", Map.of(
                "recordsReplayed", replayed, "catchUpSeconds", seconds, "documentsWritten",
                result.documentsWritten(), "totalSeconds", (System.nanoTime() - start) / 1e9,
                "note", "records = events + audit records up to the catch-up point (offsets, incl. txn markers)")));
        platform.startProjector();
    }

    /**
     * The API indexes the log in the background; until it has caught up a query replays the whole log.
     * Query until two consecutive answers are within 50% of each other (or 60 s pass).
     */
    private void warmUp(String token) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        long previous = Long.MAX_VALUE;
        while (System.nanoTime() < deadline) {
            long start = System.nanoTime();
            http.get("/api/state?asOf=" + Instant.now(), token);
            long took = System.nanoTime() - start;
            if (took < previous * 1.5 && previous < took * 1.5) {
                return;
            }
            previous = took;
            Thread.sleep(200);
        }
    }

    private String randomInstant() {
        long from = log.firstWrittenAt().toEpochMilli();
        long to = Instant.now().toEpochMilli();
        return Instant.ofEpochMilli(ThreadLocalRandom.current().nextLong(from, to + 1)).toString();
    }

    private static String label(long size) {
        return size % 1_000_000 == 0 ? size / 1_000_000 + "m" : size % 1000 == 0 ? size / 1000 + "k" : Long.toString(size);
    }
}
