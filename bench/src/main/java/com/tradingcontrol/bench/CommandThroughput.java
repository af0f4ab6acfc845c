package com.tradingcontrol.bench;

import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.avro.CommandOutcome;
import com.tradingcontrol.schemas.avro.OutcomeStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sustained accepted commands/s under exactly-once: commands produced straight to
 * {@code trading.commands} (at most {@code maxLag} unanswered, so the figure is what the processors
 * sustain, not how fast a backlog builds) and through {@code POST /api/trading-control/pause|resume}
 * with N concurrent HTTP clients. "Accepted" = ACCEPTED outcomes read (read_committed) from
 * {@code trading.command-outcomes}; lag = commands sent minus outcomes seen, sampled every second.
 */
public final class CommandThroughput {

    private final Platform platform;
    /** Makes command ids unique across runs on one broker (a repeated id would be a deduplicated no-op). */
    private final long runId = System.nanoTime();

    public CommandThroughput(Platform platform) {
        this.platform = platform;
    }

    /**
     * The same traffic first, excluded from the figures: at least {@code warmup.min} seconds and on until the
     * JIT compilers settled ({@link JitWarmth}), at most {@code warmup.max} seconds.
     */
    public void viaKafka(Report report, int seconds, int maxLag, WarmupBounds warmup) throws Exception {
        AtomicLong sent = new AtomicLong();
        try (OutcomeCounter outcomes = new OutcomeCounter(platform);
             KafkaProducer<String, CommandEnvelope> producer = new KafkaProducer<>(
                     KafkaSupport.throughputProducer(platform.bootstrapServers()), new StringSerializer(),
                     platform.topics().commands().valueSerde().serializer())) {
            long[] next = {0};
            JitWarmth jit = new JitWarmth();
            JitWarmth.Warmup warmed = jit.warmUp(warmup.min(), warmup.max(),
                    () -> {
                        next[0] = produce(producer, outcomes, sent, next[0], 1, maxLag, null);
                        return true;
                    });
            long sentBefore = sent.get();
            long acceptedBefore = outcomes.accepted();
            Sampler sampler = new Sampler(outcomes, sent);
            CpuProbe cpu = new CpuProbe();
            long compileBefore = jit.compileMillis();
            produce(producer, outcomes, sent, next[0], seconds, maxLag, sampler);
            Map<String, Object> cpuPerCommand = cpu.perUnit(outcomes.accepted() - acceptedBefore);
            Map<String, Object> notes = new LinkedHashMap<>(Map.of("seconds", seconds,
                    "sent", sent.get() - sentBefore,
                    "accepted", outcomes.accepted() - acceptedBefore, "maxLag", maxLag,
                    "jit_ms_per_s", (jit.compileMillis() - compileBefore) / seconds));
            notes.putAll(warmed.notes());
            notes.putAll(platform.streamsProbe().snapshot());
            notes.putAll(cpuPerCommand);
            report.add(sampler.rate.figure("commands_eos_kafka", "commands/s", notes));
            report.add(sampler.lag.figure("commands_eos_kafka_lag", "commands", Map.of(
                    "meaning", "commands sent minus outcomes seen, sampled each second; p99 here = 1st percentile")));
        }
    }

    /** Produces commands number {@code first}, ... for {@code seconds}; returns the next number. */
    private long produce(KafkaProducer<String, CommandEnvelope> producer, OutcomeCounter outcomes, AtomicLong sent,
                         long first, int seconds, int maxLag, Sampler sampler) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        String topic = platform.topics().commands().name();
        long i = first;
        for (; System.nanoTime() < end; i++) {
            while (sent.get() - outcomes.total() > maxLag && System.nanoTime() < end) {
                Thread.sleep(1);
                if (sampler != null) {
                    sampler.maybeSample();
                }
            }
            // 1,000 scopes, each alternating pause/resume: every command is accepted and changes state.
            String scope = "symbol:TP" + (i % 1000);
            producer.send(new ProducerRecord<>(topic, scope,
                    KafkaSupport.pauseOrResume(platform.signer(), "tp-" + i + "-" + runId, scope, (i / 1000) % 2 == 0)));
            sent.incrementAndGet();
            if (sampler != null) {
                sampler.maybeSample();
            }
        }
        return i;
    }

    /** The same traffic first, excluded from the figures, as long as {@link #viaKafka}'s. */
    public void viaHttp(Report report, int seconds, int clients, WarmupBounds warmup) throws Exception {
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        Http http = new Http(platform.api().baseUrl());
        String token = platform.tokens().operator();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                for (long i = 0; !stop.get(); i++) {
                    String scope = "symbol:HTTP" + client + "x" + (i % 50);
                    String path = (i / 50) % 2 == 0 ? "/api/trading-control/pause" : "/api/trading-control/resume";
                    try {
                        http.send("POST", path, token, "{\"scope\":\"" + scope + "\",\"reason\":\"bench\"}");
                        accepted.incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            }, "bench-http-client-" + c);
            threads.add(t);
            t.start();
        }
        JitWarmth.Warmup warmed;
        long acceptedBefore;
        long failedBefore;
        RateSamples rate = new RateSamples();
        try {
            warmed = new JitWarmth().warmUp(warmup.min(), warmup.max(), () -> {
                Thread.sleep(1000);
                return true;
            });
            acceptedBefore = accepted.get();
            failedBefore = failed.get();
            long last = acceptedBefore;
            for (int s = 0; s < seconds; s++) {
                Thread.sleep(1000);
                long now = accepted.get();
                rate.add(now - last);
                last = now;
            }
        } finally {
            stop.set(true);
            for (Thread t : threads) {
                t.join(60_000);
            }
        }
        Map<String, Object> notes = new LinkedHashMap<>(Map.of("seconds", seconds, "clients", clients,
                "accepted", accepted.get() - acceptedBefore, "failed", failed.get() - failedBefore));
        notes.putAll(warmed.notes());
        report.add(rate.figure("commands_http_202", "commands/s", notes));
    }

    /** Per-second outcome rate and lag samples. */
    private static final class Sampler {
        final RateSamples rate = new RateSamples();
        final RateSamples lag = new RateSamples();
        private final OutcomeCounter outcomes;
        private final AtomicLong sent;
        private long next = System.nanoTime() + 1_000_000_000L;
        private long lastAccepted;

        Sampler(OutcomeCounter outcomes, AtomicLong sent) {
            this.outcomes = outcomes;
            this.sent = sent;
            this.lastAccepted = outcomes.accepted();
        }

        void maybeSample() {
            if (System.nanoTime() < next) {
                return;
            }
            long accepted = outcomes.accepted();
            rate.add(accepted - lastAccepted);
            lag.add(sent.get() - outcomes.total());
            lastAccepted = accepted;
            next += 1_000_000_000L;
        }
    }

    /**
     * Counts outcomes (read_committed, from the end at start) on its own thread; {@code accepted} only
     * those whose command id starts with the given prefix ("" = all).
     */
    static final class OutcomeCounter implements AutoCloseable {
        private final KafkaConsumer<String, CommandOutcome> consumer;
        private final AtomicLong total = new AtomicLong();
        private final AtomicLong accepted = new AtomicLong();
        private final Thread thread;
        private final String acceptedPrefix;
        private volatile boolean closed;

        OutcomeCounter(Platform platform) {
            this(platform, "");
        }

        OutcomeCounter(Platform platform, String acceptedPrefix) {
            this.acceptedPrefix = acceptedPrefix;
            consumer = new KafkaConsumer<>(KafkaSupport.committedReader(platform.bootstrapServers()),
                    new StringDeserializer(), platform.topics().outcomes().valueSerde().deserializer());
            KafkaSupport.assignAtEnd(consumer, platform.topics().outcomes().name());
            thread = new Thread(this::run, "bench-outcome-counter");
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            try {
                while (!closed) {
                    for (ConsumerRecord<String, CommandOutcome> r : consumer.poll(Duration.ofMillis(100))) {
                        total.incrementAndGet();
                        if (r.value().getStatus() == OutcomeStatus.ACCEPTED
                                && r.value().getCommandId().startsWith(acceptedPrefix)) {
                            accepted.incrementAndGet();
                        }
                    }
                }
            } catch (org.apache.kafka.common.errors.WakeupException e) {
                // close() woke the consumer up to stop it; nothing was lost.
            }
        }

        long total() {
            return total.get();
        }

        long accepted() {
            return accepted.get();
        }

        @Override
        public void close() throws InterruptedException {
            closed = true;
            consumer.wakeup();
            thread.join(10_000);
            consumer.close();
        }
    }
}
