package com.tradingcontrol.bench;

import com.nimbusds.jose.JWSAlgorithm;
import com.tradingcontrol.processors.topology.StreamsSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark command: starts an embedded broker and the whole platform in this JVM, measures the
 * raw-Kafka baseline and then each selected scenario, prints one {@code BENCH ...} line per figure and
 * writes a JSON report. See docs/benchmarks.md.
 */
@Command(name = "tcp-bench", mixinStandardHelpOptions = true,
        description = "Benchmarks the trading control plane against raw Kafka on the same embedded broker.")
public final class Bench implements Callable<Integer> {

    static final Set<String> SCENARIOS = Set.of("halt", "reads", "timetravel", "rebuild", "throughput", "client",
            "engines");

    @Option(names = "--scenarios", split = ",", description = "any of ${COMPLETION-CANDIDATES}; default all",
            completionCandidates = ScenarioNames.class)
    List<String> scenarios = List.of("halt", "reads", "timetravel", "rebuild", "throughput", "client", "engines");
    @Option(names = "--halts", description = "measured control changes per halt run (default ${DEFAULT-VALUE})")
    int halts = 200;
    @Option(names = "--halt-runs", split = ",", description = "which halt runs: idle, load (default both)")
    List<String> haltRuns = List.of("idle", "load");
    @Option(names = "--background-rate", description = "other commands/s during the loaded halt run (default ${DEFAULT-VALUE})")
    int backgroundRate = 1000;
    @Option(names = "--warmup-seconds", description = "unmeasured traffic before each scenario, at least; the "
            + "throughput, halt and engines scenarios go on until the JIT compilers settled, so figures measure a "
            + "JIT-compiled platform, not the compiler (default ${DEFAULT-VALUE})")
    int warmupSeconds = 10;
    @Option(names = "--warmup-max-seconds", description = "longest warm-up waiting for the JIT compilers to settle "
            + "(default ${DEFAULT-VALUE})")
    int warmupMaxSeconds = 150;
    @Option(names = "--halt-budget-seconds", description = "wall-clock cap on each measured halt run; "
            + "a run that hits it reports what it measured (default ${DEFAULT-VALUE})")
    int haltBudgetSeconds = 180;
    @Option(names = "--raw-roundtrips", description = "raw Kafka round trips (default ${DEFAULT-VALUE})")
    int rawRoundTrips = 1000;
    @Option(names = "--raw-seconds", description = "raw producer throughput run (default ${DEFAULT-VALUE})")
    int rawSeconds = 10;
    @Option(names = "--throughput-seconds", description = "each command throughput run (default ${DEFAULT-VALUE})")
    int throughputSeconds = 15;
    @Option(names = "--max-lag", description = "unanswered commands allowed in the Kafka throughput run (default ${DEFAULT-VALUE})")
    int maxLag = 20_000;
    @Option(names = "--http-clients", description = "concurrent HTTP command clients (default ${DEFAULT-VALUE})")
    int httpClients = 16;
    @Option(names = "--read-clients", description = "concurrent read clients (default ${DEFAULT-VALUE})")
    int readClients = 50;
    @Option(names = "--read-rate", description = "total reads/s per endpoint (default ${DEFAULT-VALUE})")
    int readRate = 500;
    @Option(names = "--read-seconds", description = "read run per endpoint (default ${DEFAULT-VALUE})")
    int readSeconds = 10;
    @Option(names = "--timetravel-events", split = ",", description = "log sizes for asOf (default ${DEFAULT-VALUE})")
    List<Long> timeTravelEvents = List.of(20_000L, 100_000L);
    @Option(names = "--timetravel-queries", description = "asOf queries per size (default ${DEFAULT-VALUE})")
    int timeTravelQueries = 50;
    @Option(names = "--rebuild-events", description = "log size for the rebuild (default ${DEFAULT-VALUE})")
    long rebuildEvents = 100_000;
    @Option(names = "--commit-interval-ms", description = "processors' commit interval (default ${DEFAULT-VALUE})")
    int commitIntervalMs = (int) StreamsSettings.DEFAULT_COMMIT_INTERVAL.toMillis();
    @Option(names = "--control-commit-spacing-ms", description = "least time between commits requested by trading-control commands "
            + "(default ${DEFAULT-VALUE})")
    int controlCommitSpacingMs = (int) StreamsSettings.DEFAULT_CONTROL_COMMIT_SPACING.toMillis();
    @Option(names = "--streams-config", description = "extra Kafka Streams settings of the processors, "
            + "e.g. --streams-config commit.interval.ms=50 (repeatable)")
    Map<String, String> streamsConfig = new LinkedHashMap<>();
    @Option(names = "--token-alg", description = "how the bench's API tokens are signed: RS256 (production's, "
            + "default) or HS256 (as builds before issue 16 did; to compare with them)")
    String tokenAlg = "RS256";
    @Option(names = "--client-scopes", description = "scopes in force for decide() and heap (default ${DEFAULT-VALUE})")
    int clientScopes = 10_000;
    @Option(names = "--client-catchup-records", description = "state records a new client reads to its end "
            + "(default ${DEFAULT-VALUE})")
    int clientCatchUpRecords = 100_000;
    @Option(names = "--client-decisions", description = "measured decide() calls (default ${DEFAULT-VALUE})")
    int clientDecisions = 2_000_000;
    @Option(names = "--client-catchup-runs", description = "client catch-ups measured (default ${DEFAULT-VALUE})")
    int clientCatchUpRuns = 5;
    @Option(names = "--engines", description = "simulated engines (control clients) in the engines scenario "
            + "(default ${DEFAULT-VALUE})")
    int engines = 20;
    @Option(names = "--engine-halts", description = "measured halts per engines run (default ${DEFAULT-VALUE})")
    int engineHalts = 100;
    @Option(names = "--engine-rejections", description = "rejected fast halts measured (default ${DEFAULT-VALUE})")
    int engineRejections = 10;
    @Option(names = "--report", description = "JSON report file (default ${DEFAULT-VALUE})")
    Path reportFile = Path.of("bench/target/bench-report.json");
    @Option(names = "--work-dir", description = "broker and store data, kept after the run (default: a new "
            + "temp dir, deleted after the run)")
    Path workDir;

    private final PrintStream out;

    public Bench(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        int code = new CommandLine(new Bench(System.out)).execute(args);
        // Kafka, Jetty and Streams leave non-daemon threads behind their close(); the run is over.
        System.exit(code);
    }

    @Override
    public Integer call() throws Exception {
        for (String s : scenarios) {
            if (!SCENARIOS.contains(s)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--scenarios: unknown '" + s
                        + "', expected any of " + SCENARIOS);
            }
        }
        for (String r : haltRuns) {
            if (!List.of("idle", "load").contains(r)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--halt-runs: unknown '" + r
                        + "', expected idle and/or load");
            }
        }
        BenchTokens tokens = tokens();
        Report report = new Report(out);
        long started = System.nanoTime();
        Path dir = workDir == null ? Platform.tempWorkDir() : workDir;
        if (workDir == null) {
            // Also when the run is interrupted (Ctrl-C, kill): a minute of traffic leaves gigabytes behind.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir), "bench-work-dir-cleanup"));
        }
        try {
            if (scenarios.stream().anyMatch(s -> !s.equals("client"))) {
                try (Platform platform = Platform.startBroker(dir, tokens)) {
                    new RawKafkaBaseline(platform.bootstrapServers()).run(report, rawRoundTrips, rawSeconds,
                            warmupSeconds);
                    platform.startServices(commitIntervalMs, controlCommitSpacingMs, streamsConfig);
                    runScenarios(platform, report);
                }
            }
            if (scenarios.contains("client")) {
                runClient(dir, report);
            }
        } finally {
            if (workDir == null) {
                // A run writes gigabytes of broker logs; a temp dir left behind by each run fills the disk.
                deleteQuietly(dir);
            }
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("options", options());
        run.put("seconds", (System.nanoTime() - started) / 1e9);
        run.put("cpus", Runtime.getRuntime().availableProcessors());
        run.put("java", System.getProperty("java.version"));
        run.put("gc", java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName).toList());
        report.write(reportFile, run);
        out.println("BENCH-REPORT " + reportFile.toAbsolutePath());
        return report.failures().isEmpty() ? 0 : 1;
    }

    private static void deleteQuietly(Path dir) {
        try {
            org.apache.kafka.common.utils.Utils.delete(dir.toFile());
        } catch (java.io.IOException e) {
            System.err.println("could not delete the bench's work dir " + dir + ": " + e);
        }
    }

    /** Each scenario runs on its own: a failing one is reported and the others still run. */
    private void runScenarios(Platform platform, Report report) {
        LogScenarios logs = null;
        for (String scenario : List.of("halt", "reads", "timetravel", "rebuild", "throughput", "engines")) {
            if (!scenarios.contains(scenario)) {
                continue;
            }
            try {
                switch (scenario) {
                    case "halt" -> {
                        HaltPropagation halt = new HaltPropagation(platform);
                        if (haltRuns.contains("idle")) {
                            halt.run(report, new HaltPropagation.Settings(halts, 0, "idle", warmup(),
                                    haltBudgetSeconds));
                        }
                        if (haltRuns.contains("load")) {
                            halt.run(report, new HaltPropagation.Settings(halts, backgroundRate, "load",
                                    warmup(), haltBudgetSeconds));
                        }
                    }
                    case "reads" -> new ApiReads(platform).run(report, readClients, readRate, readSeconds,
                            warmupSeconds);
                    case "timetravel" -> {
                        logs = logs == null ? new LogScenarios(platform) : logs;
                        logs.timeTravel(report, timeTravelEvents, timeTravelQueries, warmupSeconds);
                    }
                    case "rebuild" -> {
                        logs = logs == null ? new LogScenarios(platform) : logs;
                        logs.rebuild(report, rebuildEvents);
                    }
                    case "engines" -> new EnginesBench(platform).run(report, new EnginesBench.Settings(engines,
                            engineHalts, engineRejections, backgroundRate, Math.max(1, engineHalts / 5), warmup()));
                    default -> {
                        CommandThroughput throughput = new CommandThroughput(platform);
                        throughput.viaKafka(report, throughputSeconds, maxLag, warmup());
                        // The processors are warm from the Kafka run; only the HTTP front still needs it.
                        throughput.viaHttp(report, throughputSeconds, httpClients,
                                new WarmupBounds(warmupSeconds / 2, Math.max(warmupSeconds / 2, warmupMaxSeconds)));
                    }
                }
            } catch (Exception e) {
                report.failed(scenario, e);
            }
        }
    }

    private WarmupBounds warmup() {
        return new WarmupBounds(warmupSeconds, Math.max(warmupSeconds, warmupMaxSeconds));
    }

    /** The engine client needs no platform: it runs on a broker of its own after the platform stopped. */
    private void runClient(Path dir, Report report) {
        try {
            new ClientBench(dir).run(report, new ClientBench.Settings(clientScopes, clientCatchUpRecords,
                    clientDecisions, clientCatchUpRuns));
        } catch (Exception e) {
            report.failed("client", e);
        }
    }

    private Map<String, Object> options() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("scenarios", scenarios);
        o.put("halts", halts);
        o.put("warmupSeconds", warmupSeconds);
        o.put("warmupMaxSeconds", warmupMaxSeconds);
        o.put("haltBudgetSeconds", haltBudgetSeconds);
        o.put("backgroundRate", backgroundRate);
        o.put("rawRoundTrips", rawRoundTrips);
        o.put("throughputSeconds", throughputSeconds);
        o.put("httpClients", httpClients);
        o.put("readClients", readClients);
        o.put("readRate", readRate);
        o.put("timeTravelEvents", timeTravelEvents);
        o.put("rebuildEvents", rebuildEvents);
        o.put("commitIntervalMs", commitIntervalMs);
        o.put("controlCommitSpacingMs", controlCommitSpacingMs);
        o.put("streamsConfig", streamsConfig);
        o.put("tokenAlg", tokenAlg);
        o.put("clientScopes", clientScopes);
        o.put("clientCatchUpRecords", clientCatchUpRecords);
        o.put("clientDecisions", clientDecisions);
        o.put("engines", engines);
        o.put("engineHalts", engineHalts);
        o.put("engineRejections", engineRejections);
        return o;
    }

    private BenchTokens tokens() {
        try {
            return new BenchTokens(JWSAlgorithm.parse(tokenAlg));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--token-alg: " + e.getMessage());
        }
    }

    static final class ScenarioNames extends java.util.ArrayList<String> {
        ScenarioNames() {
            super(List.of("halt", "reads", "timetravel", "rebuild", "throughput", "client", "engines"));
        }
    }
}
