package com.tradingcontrol.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One measured halt (or retraction) on a scope no other probe uses. The clients' listeners tick off
 * decisions; the {@link FleetReader} ticks off reports and notes the stages that records carry (the
 * signal's issue and produce times, each client's receive and apply times: wall clock, ms resolution,
 * one host, so comparable with the probe's start).
 */
final class FleetProbe {
    final String scope;
    final byte[] scopeBytes;
    final boolean retraction;
    final long startNanos = System.nanoTime();
    private final long startMicros = micros(Instant.now());
    private final Latencies perClient;
    private final Set<String> decided = ConcurrentHashMap.newKeySet();
    private final Set<String> acked = ConcurrentHashMap.newKeySet();
    private final CountDownLatch allDecided;
    private final CountDownLatch allAcked;
    private volatile long allAckedNanos;
    private volatile long firstDecidedNanos;
    // Written by the reader thread only; read after allAcked opened.
    private long issuedAtMillis = -1;
    private long producedAtMillis = -1;
    private long signalReadNanos = -1;
    private long firstReceivedMillis = Long.MAX_VALUE;
    private long lastAppliedMillis = -1;

    FleetProbe(String scope, boolean retraction, Latencies perClient, int engines) {
        this.scope = scope;
        this.scopeBytes = scope.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        this.retraction = retraction;
        this.perClient = perClient;
        this.allDecided = new CountDownLatch(engines);
        this.allAcked = new CountDownLatch(engines);
    }

    void decided(String engineId, long nanos) {
        if (decided.add(engineId)) {
            if (decided.size() == 1) {
                firstDecidedNanos = nanos;
            }
            perClient.recordNanos(nanos - startNanos);
            allDecided.countDown();
        }
    }

    /** Reader thread: the probe's halt signal as the bench's own consumer read it. */
    void signalRead(long issuedAtMillis, long producedAtMillis, long nanos) {
        if (signalReadNanos < 0) {
            this.issuedAtMillis = issuedAtMillis;
            this.producedAtMillis = producedAtMillis;
            this.signalReadNanos = nanos;
        }
    }

    /** Reader thread: one engine's report of the probe's halt (or retraction). */
    void acked(String engineId, long receivedAtMillis, long appliedAtMillis, long nanos) {
        if (acked.add(engineId)) {
            firstReceivedMillis = Math.min(firstReceivedMillis, receivedAtMillis);
            lastAppliedMillis = Math.max(lastAppliedMillis, appliedAtMillis);
            // One reader thread acks: the last of the N sets the time before the latch opens.
            if (allAcked.getCount() == 1) {
                allAckedNanos = nanos;
            }
            allAcked.countDown();
        }
    }

    /** True when every engine decided and (if {@code needAcks}) reported within {@code timeout}. */
    boolean await(Duration timeout, boolean needAcks) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean all = allDecided.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        return all && (!needAcks || allAcked.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS));
    }

    /** From the probe's start to the first engine's decision: the floor without N clients' contention. */
    long firstDecidedAfterNanos() {
        return firstDecidedNanos - startNanos;
    }

    /** From the probe's start to the last engine's APPLIED report as the report consumer read it. */
    long allAckedAfterNanos() {
        return allAckedNanos - startNanos;
    }

    /**
     * After every report was read: the stages from the probe's start, in order — {@code issued} (the API
     * passed authentication and validation: the signal's issuedAt), {@code produced} (the signal's record
     * timestamp: producer.send), {@code signal_read} (a plain consumer read it), {@code first_received}
     * (the first client's poll returned it), {@code last_applied} (the last client's decide() answered it),
     * {@code all_acked} (the N-th report read). Stages whose record was not seen are left out.
     */
    void recordStages(HaltStages stages) {
        if (signalReadNanos >= 0) {
            stages.record("issued", sinceStart(issuedAtMillis));
            stages.record("produced", sinceStart(producedAtMillis));
            stages.record("signal_read", signalReadNanos - startNanos);
        }
        stages.record("first_received", sinceStart(firstReceivedMillis));
        stages.record("last_applied", sinceStart(lastAppliedMillis));
        stages.record("all_acked", allAckedAfterNanos());
    }

    private long sinceStart(long epochMillis) {
        return Math.max(0, (epochMillis * 1000 - startMicros) * 1000);
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
    }
}
