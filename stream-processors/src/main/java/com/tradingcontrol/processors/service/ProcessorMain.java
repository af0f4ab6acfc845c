package com.tradingcontrol.processors.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import com.tradingcontrol.schemas.health.HealthServer;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Command-line entry point: {@code java ... ProcessorMain [config.properties]}. Keys are the
 * {@code processor.*} keys of {@link ProcessorConfig}; later sources win: the file, then
 * environment variables ({@code PROCESSOR_BOOTSTRAP_SERVERS} for {@code processor.bootstrapServers}),
 * then {@code -Dprocessor.*} system properties ({@code processor.streams.*} and {@code processor.commandKeys.*}
 * from the file and system properties only).
 */
public final class ProcessorMain {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorMain.class);
    static final int EXIT_FAILED = 3;

    private ProcessorMain() {
    }

    public static void main(String[] args) throws Exception {
        ProcessorConfig config;
        Map<String, String> settings = settings(args);
        try {
            config = ProcessorConfig.fromProperties(settings);
        } catch (InvalidConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        ProcessorService service = ProcessorService.start(config, ProcessorService.registryFor(config));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Shutting down processor {}", config.applicationId());
            service.close(Duration.ofSeconds(20));
            stopped.countDown();
        }, "processor-shutdown"));
        LOG.info("Processor {} started against {}", config.applicationId(), config.bootstrapServers());
        HealthServer health = startHealth(settings.get(ProcessorConfig.HEALTH_PORT), service);
        while (!stopped.await(1, TimeUnit.SECONDS)) {
            if (service.state() == KafkaStreams.State.ERROR) {
                // Its threads could not be kept alive: exit visibly so the orchestrator restarts it.
                LOG.error("Processor {} failed for good (state ERROR); exiting with code {}", config.applicationId(),
                        EXIT_FAILED);
                System.exit(EXIT_FAILED);
            }
        }
        if (health != null) {
            health.close();
        }
    }

    /** Liveness: not in ERROR or stopped. Readiness: RUNNING (tasks restored, processing). */
    static HealthServer startHealth(String port, ProcessorService service) throws IOException {
        if (port == null || port.isBlank()) {
            return null;
        }
        return HealthServer.start(Integer.parseInt(port.trim()),
                () -> new HealthServer.Check(service.isLive(), "kafka streams " + service.state()),
                () -> new HealthServer.Check(service.isReady(), "kafka streams " + service.state()));
    }

    static Map<String, String> settings(String[] args) throws IOException {
        Map<String, String> settings = new HashMap<>();
        if (args.length > 0) {
            Properties file = new Properties();
            try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
                file.load(in);
            }
            file.stringPropertyNames().forEach(k -> settings.put(k, file.getProperty(k)));
        }
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith(ProcessorConfig.STREAMS_PREFIX)
                        || k.startsWith(ProcessorConfig.COMMAND_KEYS_PREFIX))
                .forEach(k -> settings.put(k, System.getProperty(k)));
        for (String key : keys()) {
            String env = System.getenv(key.replace('.', '_').replaceAll("([a-z])([A-Z])", "$1_$2")
                    .toUpperCase(Locale.ROOT));
            if (env != null) {
                settings.put(key, env);
            }
            String property = System.getProperty(key);
            if (property != null) {
                settings.put(key, property);
            }
        }
        return settings;
    }

    private static String[] keys() {
        return new String[] {ProcessorConfig.BOOTSTRAP_SERVERS, ProcessorConfig.APPLICATION_ID,
                ProcessorConfig.SCHEMA_REGISTRY, ProcessorConfig.SCHEMA_REGISTRY_DATA_DIR, ProcessorConfig.PARTITIONS,
                ProcessorConfig.REPLICATION_FACTOR, ProcessorConfig.COMMIT_INTERVAL_MS,
                ProcessorConfig.CONTROL_COMMIT_SPACING_MS, ProcessorConfig.STATE_DIR,
                ProcessorConfig.NUM_THREADS, ProcessorConfig.EXPIRY_SCAN_MS, ProcessorConfig.INSTANCE_ID,
                ProcessorConfig.MAX_THREAD_REPLACEMENTS, ProcessorConfig.HEALTH_PORT};
    }
}
