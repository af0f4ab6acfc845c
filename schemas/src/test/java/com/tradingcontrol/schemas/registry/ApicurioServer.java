package com.tradingcontrol.schemas.registry;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Apicurio Registry (in-memory storage) as a child process, unpacked by the build into the
 * directory named by the {@code apicurio.dir} system property. Output goes to
 * {@code target/apicurio-it.log} for diagnostics.
 */
final class ApicurioServer implements AutoCloseable {
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    static final String CCOMPAT_PATH = "/apis/ccompat/v7";

    private final Process process;
    private final Path log;
    private final int port;

    private ApicurioServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the server and waits until its Confluent-compatible API answers. */
    static ApicurioServer start() throws IOException, InterruptedException {
        Path runner = findRunnerJar();
        int port = freePort();
        Path log = runner.getParent().getParent().resolve("apicurio-it.log");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx384m", "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1", "-jar", runner.toString()))
                .directory(runner.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ApicurioServer server = new ApicurioServer(process, log, port);
        try {
            server.awaitReady();
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** Fails loudly when the build did not provide the server: this test must never be skipped. */
    private static Path findRunnerJar() throws IOException {
        String dir = System.getProperty("apicurio.dir");
        if (dir == null || !Files.isDirectory(Paths.get(dir))) {
            throw new IllegalStateException("Apicurio Registry not unpacked: system property apicurio.dir=" + dir
                    + " is not a directory. Run through Maven (`./mvnw -pl schemas verify`), whose"
                    + " pre-integration-test phase downloads io.apicurio:apicurio-registry-app:3.0.9:tar.gz:all.");
        }
        try (Stream<Path> files = Files.walk(Paths.get(dir))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-runner.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no *-runner.jar under " + dir));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl() + "/subjects"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Apicurio exited with code " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                last = e; // not listening yet; keep the latest failure for the timeout message
            }
            Thread.sleep(250);
        }
        IllegalStateException timeout = new IllegalStateException("Apicurio not ready within " + STARTUP_TIMEOUT
                + "; see " + log);
        if (last != null) {
            timeout.addSuppressed(last);
        }
        throw timeout;
    }

    /** The Confluent-compatible API root, including Apicurio's path prefix. */
    String baseUrl() {
        return "http://127.0.0.1:" + port + CCOMPAT_PATH;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping Apicurio", e);
        }
    }
}
