package com.tradingcontrol.local.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code bin/tcp-local} run as a separate process, exactly as the README runs it; output goes to a log file. */
final class LauncherProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("(?m)^READY (http://\\S+)$");

    private final Process process;
    private final Path log;

    private LauncherProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the launcher in {@code workDir}. The jar was packaged by the build that runs this test,
     * so the script's staleness check is skipped: sources edited meanwhile must not trigger a nested build.
     */
    static LauncherProcess start(Path repoRoot, Path workDir, Path dataDir, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(repoRoot.resolve("bin/tcp-local").toString(),
                "--data-dir", dataDir.toString(), "--port", "0", "--kafka-port", "0"))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("TCP_LOCAL_SKIP_BUILD", "1");
        return new LauncherProcess(builder.start(), log);
    }

    /** Waits for the {@code READY <url>} line and returns the URL; fails with the log's tail otherwise. */
    String awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> url = readyUrl();
            if (url.isPresent()) {
                return url.get();
            }
            if (!process.isAlive()) {
                throw new AssertionError("tcp-local exited with " + process.exitValue() + " before READY:\n" + tail());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("tcp-local not READY within " + timeout + ":\n" + tail());
    }

    private Optional<String> readyUrl() throws IOException {
        Matcher m = READY.matcher(output());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private String tail() throws IOException {
        String all = output();
        return all.substring(Math.max(0, all.length() - 4000));
    }

    /** Sends SIGTERM ({@link Process#destroy()}) and returns the exit code; fails if it does not stop in time. */
    int terminate(Duration timeout) throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("tcp-local did not stop within " + timeout + " of SIGTERM:\n" + tail());
        }
        return process.exitValue();
    }

    /** Waits for the process to exit by itself; empty if it is still running at the deadline. */
    Optional<Integer> awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                ? Optional.of(process.exitValue()) : Optional.empty();
    }

    long pid() {
        return process.pid();
    }

    /** kill -9: no shutdown hook runs, nothing is flushed or committed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("tcp-local " + process.pid() + " still alive 10 s after SIGKILL");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
