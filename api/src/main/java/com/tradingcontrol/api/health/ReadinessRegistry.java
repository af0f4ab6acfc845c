package com.tradingcontrol.api.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Pluggable readiness checks, run in parallel with a time limit each so a hung dependency reads as "down". */
public final class ReadinessRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReadinessRegistry.class);
    private final List<ReadinessCheck> checks = new CopyOnWriteArrayList<>();
    private final Duration timeout;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "readiness-check");
        thread.setDaemon(true);
        return thread;
    });

    public ReadinessRegistry(Duration timeout) {
        this.timeout = timeout;
    }

    public void register(ReadinessCheck check) {
        checks.add(check);
    }

    /** Results by check name, in registration order. */
    public Map<String, ReadinessStatus> evaluate() {
        Map<String, CompletableFuture<ReadinessStatus>> running = new LinkedHashMap<>();
        for (ReadinessCheck check : checks) {
            running.put(check.name(), CompletableFuture.supplyAsync(check::check, executor));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, ReadinessStatus> results = new LinkedHashMap<>();
        running.forEach((name, future) -> results.put(name, await(name, future, deadline)));
        return results;
    }

    private static ReadinessStatus await(String name, CompletableFuture<ReadinessStatus> future, long deadline) {
        try {
            ReadinessStatus status = future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return status == null ? ReadinessStatus.down("check returned nothing") : status;
        } catch (TimeoutException e) {
            future.cancel(true);
            LOG.warn("Readiness check '{}' timed out", name);
            return ReadinessStatus.down("check timed out");
        } catch (ExecutionException e) {
            LOG.warn("Readiness check '{}' failed", name, e.getCause());
            return ReadinessStatus.down("check failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ReadinessStatus.down("check interrupted");
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
