package com.tradingcontrol.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs {@code src/test/registry-node-client/decode.js} (the npm package
 * {@code @kafkajs/confluent-schema-registry}, pinned by its package-lock.json) after installing it
 * with {@code npm ci} once per checkout. Without {@code node} the calling test is skipped, except on
 * CI (env CI=true) where it fails: the rule the Cosmos tests follow.
 */
final class NodeRegistryClient {
    private static final Path SOURCE = Path.of("src/test/registry-node-client");
    private static final Path WORK = Path.of("target/registry-node-client");
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "decode.js");
    /** -Dregistry.test.node=/path/to/node picks another Node.js binary (or proves the skip path). */
    private static final String NODE = System.getProperty("registry.test.node", "node");

    private NodeRegistryClient() {
    }

    /** Skips (or on CI fails) without Node.js, then installs the client if its lock file changed. */
    static void prepare() throws IOException, InterruptedException {
        requireNode();
        install();
    }

    /** Decodes one record value through the registry at {@code url}; returns the script's JSON line. */
    static String decode(String url, byte[] value) throws IOException, InterruptedException {
        Path err = WORK.resolve("decode.err");
        Process p = new ProcessBuilder(NODE, "decode.js", url, hex(value)).directory(WORK.toFile())
                .redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError("node decode.js failed: " + Files.readString(err));
        }
        return out.strip();
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
                throw new IllegalStateException("CI=true requires Node.js for the registry's Node client test: " + problem);
            }
            Assumptions.abort("Skipping the Node.js registry client test: " + problem
                    + ". Install Node.js 18+ to run it (on CI, with CI=true, this is a failure).");
        }
    }

    private static void install() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        Path installedLock = WORK.resolve("node_modules/.package-lock.json");
        boolean current = Files.exists(installedLock) && Files.getLastModifiedTime(installedLock)
                .compareTo(Files.getLastModifiedTime(SOURCE.resolve("package-lock.json"))) > 0;
        for (String file : FILES) {
            Files.copy(SOURCE.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.COPY_ATTRIBUTES);
        }
        if (current) {
            return;
        }
        String npm = System.getProperty("os.name").startsWith("Windows") ? "npm.cmd" : "npm";
        // --ignore-scripts: the client needs no install step, and a test should not run package scripts.
        Process ci = new ProcessBuilder(npm, "ci", "--no-audit", "--no-fund", "--omit=dev", "--ignore-scripts")
                .directory(WORK.toFile()).redirectErrorStream(true)
                .redirectOutput(WORK.resolve("npm-ci.log").toFile()).start();
        if (!ci.waitFor(5, TimeUnit.MINUTES) || ci.exitValue() != 0) {
            ci.destroyForcibly();
            throw new IllegalStateException("npm ci for @kafkajs/confluent-schema-registry failed; see "
                    + WORK.resolve("npm-ci.log"));
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            s.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return s.toString();
    }
}
