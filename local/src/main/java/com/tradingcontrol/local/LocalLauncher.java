package com.tradingcontrol.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bin/tcp-local}: starts the whole platform in this JVM and runs until Ctrl-C / SIGTERM. */
@Command(name = "tcp-local", mixinStandardHelpOptions = true, version = "tcp-local 0.1.0",
        description = "Runs the Trading Control Plane on embedded defaults (Kafka, registry, store) in one JVM.")
public final class LocalLauncher implements Callable<Integer> {

    /** A projector replaying a long log may take minutes; READY waits for it rather than lying. */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(10);

    @Option(names = "--data-dir", defaultValue = "data",
            description = "Directory for all state (Kafka log, schemas, projections, dev key); default: ./data")
    Path dataDir;

    @Option(names = "--port", defaultValue = "8080", description = "API port on 127.0.0.1; 0 = any free port. Default: 8080")
    int port;

    private final LauncherOptions options = new LauncherOptions();

    @Spec
    CommandSpec spec;

    @Option(names = "--kafka-port", paramLabel = "N", defaultValue = "" + KafkaPort.DEFAULT,
            description = "Kafka port on 127.0.0.1; 0 = any free port. Default: ${DEFAULT-VALUE}")
    void kafkaPort(int value) {
        options.kafkaPort(spec, value);
    }

    @Option(names = "--schema-registry", paramLabel = "URL",
            description = "Use this Confluent-API schema registry (e.g. Apicurio's http://HOST:8080/apis/ccompat/v7)"
                    + " instead of serving the in-process one")
    void schemaRegistry(String value) {
        options.schemaRegistry(spec, value);
    }

    LauncherOptions options() {
        return options;
    }

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        LocalPlatform platform = new LocalPlatform(dataDir, port, options.kafkaPort(), options.schemaRegistry());
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            System.out.println("stopping...");
            platform.close();
            stopped.countDown();
        }, "tcp-local-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            platform.start();
        } catch (DataDirLock.DataDirInUseException e) {
            // Nothing was started or written: one line, no "stopping..." from the hook.
            Runtime.getRuntime().removeShutdownHook(hook);
            System.err.println("tcp-local: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            System.err.println("tcp-local failed to start: " + e.getMessage());
            platform.close();
            return 1;
        }
        if (!platform.awaitReady(READY_TIMEOUT, down -> System.out.println("waiting for readiness: " + down))) {
            System.err.println("tcp-local: not ready within " + READY_TIMEOUT + "; see "
                    + platform.dataDir().resolve("logs/platform.log") + " and /health/ready");
            return 1;
        }
        Map<String, Object> local = writeLocalJson(platform);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("Trading Control Plane is running (started in %.1f s)%n", took.toMillis() / 1000.0);
        System.out.println("  API:       " + local.get("api"));
        System.out.println("  console:   " + local.get("api") + "/console/ (pick a development user)");
        System.out.println("  websocket: " + local.get("ws") + "/ws/trading");
        System.out.println("  kafka:     " + local.get("kafka"));
        System.out.println("  registry:  " + local.get("schemaRegistry")
                + (options.schemaRegistry() == null ? " (Confluent REST API, in-process)" : " (external)"));
        System.out.println("  tokens:    " + platform.dataDir().resolve("local.json") + " (admin, admin-2, operator, auditor, customer-a, customer-b)");
        System.out.println("  logs:      " + platform.dataDir().resolve("logs"));
        System.out.println("READY " + local.get("api"));
        stopped.await();
        return 0;
    }

    /** Writes {@code local.json} in the data dir (what engines and the CLI start from); returns its content. */
    static Map<String, Object> writeLocalJson(LocalPlatform platform) throws Exception {
        Map<String, Object> local = new LinkedHashMap<>();
        local.put("api", "http://127.0.0.1:" + platform.apiPort());
        local.put("ws", "ws://127.0.0.1:" + platform.apiPort());
        local.put("kafka", platform.kafkaBootstrap());
        local.put("schemaRegistry", platform.schemaRegistryUrl().toString());
        local.put("tokens", DevTokens.loadOrCreate(platform.dataDir()).issueAll(Instant.now()));
        Path file = platform.dataDir().resolve("local.json");
        Path tmp = platform.dataDir().resolve("local.json.tmp");
        Files.writeString(tmp, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(local));
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return local;
    }

    public static void main(String[] args) {
        int code = new CommandLine(new LocalLauncher()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
