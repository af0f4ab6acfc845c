package com.tradingcontrol.local;

import com.tradingcontrol.client.ControlClient;
import com.tradingcontrol.client.ControlClientConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A simulated engine in a JVM of its own: a control client with an engine id (it heartbeats and reports
 * what it applied) that runs until it is killed. {@link #start} launches it on the test classpath and
 * waits until it has caught up, so a test can {@code kill -9} it like a crashed trading engine.
 */
final class EngineProcess implements AutoCloseable {
    static final String READY = "ENGINE READY";
    private final Process process;

    private EngineProcess(Process process) {
        this.process = process;
    }

    /** Child entry point: {@code <local.json> <engineId>}; prints {@link #READY} once caught up. */
    public static void main(String[] args) throws Exception {
        ControlClient client = ControlClient.start(ControlClientConfig.fromLocalJson(Path.of(args[0]))
                .engineId(args[1]).build());
        if (!client.awaitReady(Duration.ofSeconds(60))) {
            System.out.println("ENGINE NOT READY " + client.health());
            System.exit(1);
        }
        System.out.println(READY);
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /** Starts an engine on {@code localJson} and waits (with a deadline) for its ready line. */
    static EngineProcess start(Path localJson, String engineId, Path log, Duration timeout) throws Exception {
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                EngineProcess.class.getName(), localJson.toString(), engineId))
                .redirectErrorStream(true).start();
        EngineProcess engine = new EngineProcess(p);
        Thread copier = new Thread(() -> copy(p, log), "engine-output-" + engineId);
        copier.setDaemon(true);
        copier.start();
        try {
            Deadline.await("engine " + engineId + " ready (output in " + log + ")", timeout,
                    () -> Files.exists(log) && Files.readString(log).contains(READY));
        } catch (AssertionError e) {
            engine.close();
            throw e;
        }
        return engine;
    }

    /** Copies the child's output to {@code log} line by line, so a reader sees the ready line at once. */
    private static void copy(Process p, Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Files.writeString(log, line + System.lineSeparator(), StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            System.err.println("engine output lost: " + e);
        }
    }

    /** {@code kill -9}: SIGKILL, no shutdown hook, no last report; waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
