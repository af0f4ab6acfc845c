package com.tradingcontrol.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.common.utils.Utils;

/**
 * Measures "commands are decided again": one paused symbol per partition of trading.commands, sent
 * through the API with an Idempotency-Key and {@code Prefer: wait}, retried with the same key until
 * the API answers 200 (a 503 means "not confirmed", a 202 "not decided in time" — both are retried,
 * so Kafka may hold a probe more than once; the processors must still decide it exactly once).
 */
final class ApiProbes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(8);
    /** Between attempts, like a client honouring Retry-After; keeps a fast-failing API from a hot loop. */
    private static final long RETRY_PAUSE_MILLIS = 200;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final String token;
    private final int partitions;
    /** Command ids of every probe sent, for the invariants (each submitted at least once). */
    final List<String> commandIds = new ArrayList<>();

    ApiProbes(String base, String token, int partitions) {
        this.base = base;
        this.token = token;
        this.partitions = partitions;
    }

    /** Sends one probe per partition at once and returns when all are decided; the time taken. */
    Duration decideOnEveryPartition(String phase, Duration timeout) throws Exception {
        long start = System.nanoTime();
        // A thread per probe: all partitions are probed at the same time, whatever the machine's core count.
        ExecutorService threads = Executors.newFixedThreadPool(partitions);
        try {
            List<CompletableFuture<String>> probes = new ArrayList<>();
            for (String scope : scopePerPartition(phase).values()) {
                probes.add(CompletableFuture.supplyAsync(() -> decide(scope, phase, timeout), threads));
            }
            for (CompletableFuture<String> probe : probes) {
                commandIds.add(probe.join());
            }
            return Duration.ofNanos(System.nanoTime() - start);
        } finally {
            threads.shutdownNow();
        }
    }

    /** A symbol scope per partition, chosen with the producer's own partitioner (murmur2 of the key). */
    private Map<Integer, String> scopePerPartition(String phase) {
        Map<Integer, String> scopes = new LinkedHashMap<>();
        for (int i = 0; scopes.size() < partitions; i++) {
            String scope = "symbol:PROBE-" + phase + "-" + i;
            int partition = Utils.toPositive(Utils.murmur2(scope.getBytes())) % partitions;
            scopes.putIfAbsent(partition, scope);
        }
        return scopes;
    }

    private String decide(String scope, String phase, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String key = "probe-" + scope.substring("symbol:".length());
        List<String> answers = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(pause(scope, phase, key), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    JsonNode body = JSON.readTree(response.body());
                    if (!"ACCEPTED".equals(body.path("status").asText())) {
                        throw new AssertionError("probe " + scope + " was not accepted: " + response.body());
                    }
                    return body.path("commandId").asText();
                }
                if (response.statusCode() != 202 && response.statusCode() != 503) {
                    throw new AssertionError("probe " + scope + " answered " + response.statusCode() + ": "
                            + response.body());
                }
                answers.add(response.statusCode() + " " + JSON.readTree(response.body()).path("code").asText(""));
            } catch (java.io.IOException e) {
                answers.add(e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pauseBeforeRetry();
        }
        throw new AssertionError("probe " + scope + " not decided within " + timeout + "; " + answers.size()
                + " answers, first " + answers.subList(0, Math.min(5, answers.size())) + ", last "
                + answers.subList(Math.max(0, answers.size() - 5), answers.size()));
    }

    private static void pauseBeforeRetry() {
        try {
            Thread.sleep(RETRY_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest pause(String scope, String phase, String key) {
        String body = "{\"scope\":\"" + scope + "\",\"reason\":\"fault probe " + phase + "\"}";
        return HttpRequest.newBuilder(URI.create(base + "/api/trading-control/pause"))
                .timeout(ATTEMPT_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .header("Prefer", "wait=5")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
