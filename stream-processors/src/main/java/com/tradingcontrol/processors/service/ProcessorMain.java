package com.tradingcontrol.processors.service;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import com.tradingcontrol.schemas.config.InvalidSettingException;
import com.tradingcontrol.schemas.config.Settings;
import com.tradingcontrol.schemas.config.SettingsLoader;
import com.tradingcontrol.schemas.health.HealthServer;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Command-line entry point: {@code java ... ProcessorMain [config.properties]}. Keys are those of
 * {@link ProcessorConfig} ({@code ProcessorKeys}), read by the platform's one convention
 * ({@link SettingsLoader}): the file (or {@code TCP_CONFIG}), then {@code TCP_<KEY>} variables
 * ({@code TCP_KAFKA_BOOTSTRAP_SERVERS} for {@code kafka.bootstrapServers}), then {@code -D<key>}
 * ({@code processor.streams.*} and {@code processor.commandKeys.*} from the file and {@code -D} only).
 * A bad, unknown or old key exits with code 2 and a message naming it.
 */
public final class ProcessorMain {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorMain.class);
    static final int EXIT_FAILED = 3;

    private ProcessorMain() {
    }

    public static void main(String[] args) throws Exception {
        ProcessorConfig config;
        Settings settings;
        int healthPort;
        try {
            settings = settings(args);
            config = ProcessorConfig.from(settings);
            healthPort = settings.integer(ProcessorConfig.HEALTH_PORT, -1, -1, 65_535);
        } catch (InvalidSettingException e) {
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
        HealthServer health = startHealth(healthPort, service);
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
    static HealthServer startHealth(int port, ProcessorService service) throws IOException {
        if (port < 0) {
            return null;
        }
        return HealthServer.start(port,
                () -> new HealthServer.Check(service.isLive(), "kafka streams " + service.state()),
                () -> new HealthServer.Check(service.isReady(), "kafka streams " + service.state()));
    }

    /** The file named by {@code args[0]} (else {@code TCP_CONFIG}), then {@code TCP_*} variables, then {@code -D}. */
    static Settings settings(String[] args) throws IOException {
        return SettingsLoader.fromProcess(args.length > 0 ? Path.of(args[0]) : null);
    }
}
