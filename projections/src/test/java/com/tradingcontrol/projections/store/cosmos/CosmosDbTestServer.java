package com.tradingcontrol.projections.store.cosmos;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs (npm ci, once per checkout) and starts {@code @vercel/cosmosdb-server} behind the
 * request-fixing launcher in {@code src/test/cosmos-server}. Without {@code node} the calling test
 * class is skipped, except on CI (env CI=true) where it fails.
 */
final class CosmosDbTestServer implements AutoCloseable {

    /** The public, documented key of the Cosmos DB emulator; the stand-in ignores it. */
    static final String EMULATOR_KEY =
            "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    private static final Logger LOG = LoggerFactory.getLogger(CosmosDbTestServer.class);
    private static final Path SOURCE = Path.of("src/test/cosmos-server");
    private static final Path WORK = Path.of("target/cosmos-server");
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "launcher.js");
    /** -Dcosmos.test.node=/path/to/node picks another Node.js binary (or proves the skip path). */
    private static final String NODE = System.getProperty("cosmos.test.node", "node");

    private final Process process;
    private final int port;

    private CosmosDbTestServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static CosmosDbTestServer start() throws IOException, InterruptedException {
        requireNode();
        install();
        Process process = new ProcessBuilder(NODE, "launcher.js", "0")
                .directory(WORK.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(WORK.resolve("server.log").toFile()))
                .start();
        try {
            return new CosmosDbTestServer(process, awaitReady(process));
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + port + "/";
    }

    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close(); // the launcher exits when its stdin closes
        } catch (IOException e) {
            LOG.warn("closing the cosmosdb-server launcher's stdin failed; killing it", e);
        }
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static void requireNode() throws InterruptedException {
        String problem = null;
        try {
            Process version = new ProcessBuilder(NODE, "--version").redirectErrorStream(true).start();
            if (!version.waitFor(30, TimeUnit.SECONDS) || version.exitValue() != 0) {
                problem = "'node --version' did not succeed";
            }
        } catch (IOException e) {
            problem = "'" + NODE + "' cannot be run (" + e.getMessage() + ")";
        }
        if (problem != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true requires Node.js for the Cosmos contract tests: " + problem);
            }
            String message = "Skipping Cosmos DB contract tests against @vercel/cosmosdb-server: " + problem
                    + ". Install Node.js 18+ to run them (on CI, with CI=true, this is a failure).";
            LOG.warn(message);
            Assumptions.abort(message);
        }
    }

    /** Copies the harness into target and runs npm ci unless the installed lock file is current. */
    private static void install() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        Path installedLock = WORK.resolve("node_modules/.package-lock.json");
        boolean current = Files.exists(installedLock)
                && Files.getLastModifiedTime(installedLock).compareTo(Files.getLastModifiedTime(SOURCE.resolve("package-lock.json"))) > 0;
        for (String file : FILES) {
            Files.copy(SOURCE.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.COPY_ATTRIBUTES);
        }
        if (current) {
            return;
        }
        String npm = System.getProperty("os.name").startsWith("Windows") ? "npm.cmd" : "npm";
        Process ci = new ProcessBuilder(npm, "ci", "--no-audit", "--no-fund", "--omit=dev")
                .directory(WORK.toFile())
                .redirectErrorStream(true)
                .redirectOutput(WORK.resolve("npm-ci.log").toFile())
                .start();
        if (!ci.waitFor(5, TimeUnit.MINUTES) || ci.exitValue() != 0) {
            ci.destroyForcibly();
            throw new IllegalStateException("npm ci for @vercel/cosmosdb-server failed; see " + WORK.resolve("npm-ci.log"));
        }
    }

    private static int awaitReady(Process process) throws IOException, InterruptedException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("READY ")) {
                        return line;
                    }
                }
                return null;
            } catch (IOException e) {
                throw new IllegalStateException("reading the launcher's output failed", e);
            }
        });
        try {
            String line = ready.get(60, TimeUnit.SECONDS);
            if (line == null) {
                throw new IOException("cosmosdb-server launcher exited before it was ready; see " + WORK.resolve("server.log"));
            }
            return Integer.parseInt(line.substring("READY ".length()).trim());
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("cosmosdb-server launcher did not become ready; see " + WORK.resolve("server.log"), e);
        }
    }
}
