package com.tradingcontrol.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code GET /api/trading-control} and {@code GET /api/feature-flags} at a fixed total rate spread over
 * N clients. Each request's latency counts from its scheduled send time, so a stalled server shows
 * up in the figure instead of silently lowering the request rate (coordinated omission).
 */
public final class ApiReads {

    private final Platform platform;

    public ApiReads(Platform platform) {
        this.platform = platform;
    }

    /** First half of {@code warmupSeconds} on each endpoint, same traffic, figures discarded. */
    public void run(Report report, int clients, int ratePerSecond, int seconds, int warmupSeconds) throws Exception {
        for (String path : new String[] {"/api/trading-control", "/api/feature-flags"}) {
            if (warmupSeconds > 0) {
                measure(path, clients, ratePerSecond, Math.max(1, warmupSeconds / 2));
            }
        }
        for (String path : new String[] {"/api/trading-control", "/api/feature-flags"}) {
            report.add(measure(path, clients, ratePerSecond, seconds));
        }
    }

    private Figure measure(String path, int clients, int ratePerSecond, int seconds) throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong failed = new AtomicLong();
        Http http = new Http(platform.api().baseUrl());
        String token = platform.tokens().operator();
        long interval = 1_000_000_000L * clients / Math.max(1, ratePerSecond);
        long start = System.nanoTime() + 100_000_000L;
        long end = start + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long offset = interval * c / clients;
            Thread t = new Thread(() -> {
                for (long scheduled = start + offset; scheduled < end; scheduled += interval) {
                    long wait = scheduled - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    try {
                        http.get(path, token);
                        latencies.recordSince(scheduled);
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            }, "bench-reader-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        String name = "reads_" + path.substring("/api/".length()).replace('-', '_');
        return latencies.figure(name, Map.of("clients", clients, "ratePerSecond", ratePerSecond, "seconds", seconds,
                "failed", failed.get()));
    }
}
