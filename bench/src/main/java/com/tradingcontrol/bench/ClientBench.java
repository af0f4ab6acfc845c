package com.tradingcontrol.bench;

import com.tradingcontrol.client.ControlClient;
import com.tradingcontrol.client.ControlClientConfig;
import com.tradingcontrol.client.Decision;
import com.tradingcontrol.kafka.embedded.EmbeddedKafkaBroker;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.topics.TopicCreator;
import com.tradingcontrol.schemas.topics.Topics;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * What an engine pays for the control client: {@code decide()} latency and client heap with a given
 * number of scopes in force, and the time a new client needs to read a state topic of a given size
 * to its end ({@code awaitReady}), against a raw consumer reading the same records in the same run.
 *
 * <p>Runs on a broker of its own (a sub-directory of the work dir): the figures are about the client,
 * so the state topics hold exactly the records written here, as the processors would write them.
 */
final class ClientBench {

    static final String DECIDE = "client_decide";
    static final String HEAP = "client_heap";
    static final String CATCH_UP = "client_catchup";
    static final String RAW_CATCH_UP = "raw_kafka_catchup";

    record Settings(int scopes, int catchUpRecords, int decisions, int catchUpRuns) {
    }

    private final Path workDir;

    ClientBench(Path workDir) {
        this.workDir = workDir;
    }

    void run(Report report, Settings settings) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(workDir.resolve("client-kafka"))
                .build().start()) {
            InProcessSchemaRegistry registry = InProcessSchemaRegistry.inMemory();
            Topics topics = new Topics(registry, Platform.PARTITIONS);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                TopicCreator.createAll(admin, topics, (short) 1, Duration.ofSeconds(30));
            }
            ClientStates states = new ClientStates(broker.bootstrapServers(), topics);
            states.write(settings.scopes());
            measureDecideAndHeap(report, broker.bootstrapServers(), registry, states, settings);
            states.writeFiller(settings.catchUpRecords() - states.written());
            measureCatchUp(report, broker.bootstrapServers(), registry, states.written(), settings.catchUpRuns());
        }
    }

    private void measureDecideAndHeap(Report report, String bootstrap, InProcessSchemaRegistry registry,
                                      ClientStates states, Settings settings) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        try (ControlClient client = ControlClient.start(config(bootstrap, registry))) {
            if (!client.awaitReady(Duration.ofMinutes(2))) {
                throw new IllegalStateException("client not ready within 2 minutes at " + settings.scopes() + " scopes");
            }
            long after = usedAfterGc(memory);
            double mb = (after - before) / (1024.0 * 1024.0);
            report.add(new Figure(HEAP, mb, mb, mb, "MB", null, 1,
                    Map.of("scopes", settings.scopes(), "records", states.written(),
                            "measured", "used heap after GC, client ready minus before start")));
            report.add(decideLatency(client, states, settings));
        }
    }

    private static Figure decideLatency(ControlClient client, ClientStates states, Settings settings) {
        Histogram nanos = new Histogram(TimeUnit.SECONDS.toNanos(1), 3);
        long restricted = 0;
        // Warm-up: JIT-compile decide() before measuring, as an engine's hot path would be.
        for (int i = 0; i < Math.max(100_000, settings.decisions() / 5); i++) {
            restricted += mode(states.query(client, i));
        }
        for (int i = 0; i < settings.decisions(); i++) {
            long start = System.nanoTime();
            Decision decision = states.query(client, i);
            nanos.recordValue(Math.min(System.nanoTime() - start, nanos.getHighestTrackableValue()));
            restricted += mode(decision);
        }
        Map<String, Object> notes = new LinkedHashMap<>();
        notes.put("scopes", settings.scopes());
        notes.put("decisions", settings.decisions());
        notes.put("restrictedAnswers", restricted);
        notes.put("measured", "one thread, System.nanoTime around each decide(tenant, profile, symbol)");
        return new Figure(DECIDE, us(nanos.getValueAtPercentile(50)), us(nanos.getValueAtPercentile(99)),
                us(nanos.getMaxValue()), "us", null, nanos.getTotalCount(), notes);
    }

    private void measureCatchUp(Report report, String bootstrap, InProcessSchemaRegistry registry, int records,
                                int runs) throws Exception {
        Latencies client = new Latencies();
        Latencies raw = new Latencies();
        for (int run = 0; run < runs; run++) {
            raw.recordNanos(RawCatchUp.readToEnd(bootstrap, records));
            long start = System.nanoTime();
            try (ControlClient c = ControlClient.start(config(bootstrap, registry))) {
                if (!c.awaitReady(Duration.ofMinutes(5))) {
                    throw new IllegalStateException("client not caught up on " + records + " records in 5 minutes");
                }
                client.recordSince(start);
            }
        }
        Map<String, Object> notes = Map.of("records", records, "runs", runs);
        Figure baseline = raw.figure(RAW_CATCH_UP, notes);
        report.add(baseline);
        report.add(client.figure(CATCH_UP, notes).ratioTo(baseline));
    }

    private static ControlClientConfig config(String bootstrap, InProcessSchemaRegistry registry) {
        return ControlClientConfig.builder().bootstrapServers(bootstrap).schemaRegistry(registry)
                .clientId("bench-client").build();
    }

    private static int mode(Decision decision) {
        return decision.mayOpen() ? 0 : 1;
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        // Several collections: one System.gc() may leave garbage a concurrent phase has not freed yet.
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static double us(long nanos) {
        return nanos / 1000.0;
    }
}
