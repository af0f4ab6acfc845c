package com.tradingcontrol.projections.service;

import com.tradingcontrol.projections.drift.Difference;
import com.tradingcontrol.projections.drift.DriftReport;
import com.tradingcontrol.projections.projector.ProjectorHealth;
import com.tradingcontrol.projections.rebuild.Rebuild;
import com.tradingcontrol.schemas.health.HealthServer;
import com.tradingcontrol.schemas.config.InvalidSettingException;
import com.tradingcontrol.schemas.config.KeySet;
import com.tradingcontrol.schemas.config.ProjectorKeys;
import com.tradingcontrol.schemas.config.Settings;
import com.tradingcontrol.schemas.config.SettingsLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The projector service's command line: {@code run} (the long-running projector), {@code rebuild}
 * (zero-downtime rebuild into a new version, then switch) and {@code drift} (compare the store with
 * the folded log; exit code 1 when they differ).
 */
@Command(name = "projector", mixinStandardHelpOptions = true,
        subcommands = {ProjectorService.Run.class, ProjectorService.RebuildCommand.class, ProjectorService.Drift.class})
public final class ProjectorService {

    /** Set by the shutdown hook: System.exit must not be called while the JVM is already shutting down. */
    private static final AtomicBoolean SHUTTING_DOWN = new AtomicBoolean();

    public static void main(String[] args) {
        int code = new CommandLine(new ProjectorService()).execute(args);
        if (!SHUTTING_DOWN.get()) {
            System.exit(code);
        }
    }

    /**
     * Options every command shares: the config file and key=value overrides, read by the platform's one
     * convention ({@link SettingsLoader}): the file (or {@code TCP_CONFIG}), then {@code TCP_<KEY>} variables,
     * then {@code -D} (of the JVM or of this command line).
     */
    static class ConfigOptions {
        /** The projector's health port before the one convention; refused with the new form named. */
        static final String OLD_HEALTH_PORT = "HEALTH_PORT";

        @Option(names = {"-c", "--config"}, description = "properties file (keys: docs/operations.md, Configuration)")
        Path file;

        @Option(names = {"-D", "--set"}, description = "override a key: -D key=value")
        Map<String, String> overrides = Map.of();

        Settings settings() throws IOException {
            if (System.getenv(OLD_HEALTH_PORT) != null) {
                throw new InvalidSettingException(OLD_HEALTH_PORT, "is no longer read; set "
                        + KeySet.environmentName(ProjectorKeys.HEALTH_PORT) + " (key " + ProjectorKeys.HEALTH_PORT + ")");
            }
            Properties system = new Properties();
            system.putAll(System.getProperties());
            system.putAll(overrides);
            return SettingsLoader.load(file, System.getenv(), system);
        }

        ProjectorConfig load() throws IOException {
            return ProjectorConfig.from(settings());
        }
    }

    @Command(name = "run", description = "Project events and audit records into the store until stopped.")
    static final class Run implements Callable<Integer> {
        @CommandLine.Mixin
        ConfigOptions options = new ConfigOptions();

        /** Serve /health/live and /health/ready on this port ({@code projector.healthPort}; 0 = any; unset = none). */
        int healthPort;
        /** Readiness: at most this many records behind the log end ({@code projector.readyMaxLag}, default 100). */
        long readyMaxLag;

        @Override
        public Integer call() throws Exception {
            CountDownLatch stopped = new CountDownLatch(1);
            Settings settings = options.settings();
            ProjectorConfig config = ProjectorConfig.from(settings);
            healthPort = settings.integer(ProjectorKeys.HEALTH_PORT, -1, -1, 65_535);
            readyMaxLag = settings.longValue(ProjectorKeys.READY_MAX_LAG, 100, 0, Long.MAX_VALUE);
            try (ProjectorComponents components = ProjectorComponents.open(config);
                 AutoCloseable health = startHealth(components)) {
                ProjectorRunner runner = components.runner();
                progress = new ProjectorProgress(runner, components.loops());
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    SHUTTING_DOWN.set(true);
                    runner.close();
                    awaitQuietly(stopped);
                }, "projector-shutdown"));
                runner.run();
                return 0;
            } finally {
                stopped.countDown();
            }
        }

        private volatile ProjectorProgress progress;

        /**
         * Liveness: the projector has not failed for good (a store outage is DEGRADED, still live: it retries).
         * Readiness: a loop holds partitions and is at most {@code readyMaxLag} records behind.
         */
        private AutoCloseable startHealth(ProjectorComponents components) throws IOException {
            if (healthPort < 0) {
                return () -> { };
            }
            return HealthServer.start(healthPort,
                    () -> new HealthServer.Check(components.health().status().state() != ProjectorHealth.State.FAILED,
                            components.health().status().toString()),
                    () -> {
                        ProjectorProgress current = progress;
                        if (current == null) {
                            return HealthServer.Check.down("starting");
                        }
                        ProjectorProgress.Status status = current.status();
                        return new HealthServer.Check(status.ready(readyMaxLag), status.detail());
                    });
        }

        /** Lets the runner stop its loop and close the store before the JVM halts (bounded). */
        private static void awaitQuietly(CountDownLatch stopped) {
            try {
                stopped.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Command(name = "rebuild", description = "Rebuild the projection into a new version from offset 0, then switch.")
    static final class RebuildCommand implements Callable<Integer> {
        @CommandLine.Mixin
        ConfigOptions options = new ConfigOptions();

        @Override
        public Integer call() throws Exception {
            try (ProjectorComponents components = ProjectorComponents.open(options.load())) {
                Rebuild.Result result = components.rebuild().run();
                System.out.printf("switched v%d -> v%d (group %s): %d documents written, caught up in %s, old dropped: %s%n",
                        result.previousVersion(), result.newVersion(), result.group(), result.documentsWritten(),
                        result.catchUpTime(), result.oldDropped());
                return 0;
            }
        }
    }

    @Command(name = "drift", description = "Compare the projected documents with the folded event log.")
    static final class Drift implements Callable<Integer> {
        @CommandLine.Mixin
        ConfigOptions options = new ConfigOptions();

        @Option(names = "--version", description = "projection version to check (default: the active one)")
        int version;

        @Override
        public Integer call() throws Exception {
            try (ProjectorComponents components = ProjectorComponents.open(options.load())) {
                DriftReport report = components.drift(version);
                for (Difference d : report.differences()) {
                    System.out.println(d);
                }
                System.out.printf("%d records folded, %d documents compared, %d differences%n",
                        report.recordsFolded(), report.documentsCompared(), report.differences().size());
                return report.clean() ? 0 : 1;
            }
        }
    }
}
