package com.tradingcontrol.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Node.js for the tests that run a stock non-Java client: without {@code node} the calling test is
 * skipped, except on CI (env CI=true) where it fails — the rule the Cosmos tests follow. Packages are
 * installed with {@code npm ci} from a pinned package-lock.json, once per change of the lock file.
 */
final class NodeJs {
    /** -Dregistry.test.node=/path/to/node picks another Node.js binary (or proves the skip path). */
    static final String NODE = System.getProperty("registry.test.node", "node");
    /** npm's cache under target/, so a second run installs without the network. */
    private static final Path NPM_CACHE = Path.of("target/npm-cache").toAbsolutePath();

    private NodeJs() {
    }

    /** Skips (or on CI fails) the calling test when {@code node} cannot be run; {@code purpose} names the test. */
    static void require(String purpose) throws InterruptedException {
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
                throw new IllegalStateException("CI=true requires Node.js for " + purpose + ": " + problem);
            }
            Assumptions.abort("Skipping " + purpose + ": " + problem
                    + ". Install Node.js 18+ to run it (on CI, with CI=true, this is a failure).");
        }
    }

    /** Copies {@code files} from {@code source} to {@code work} and runs {@code npm ci} there unless already current. */
    static void install(Path source, Path work, List<String> files) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path installedLock = work.resolve("node_modules/.package-lock.json");
        boolean current = Files.exists(installedLock) && Files.getLastModifiedTime(installedLock)
                .compareTo(Files.getLastModifiedTime(source.resolve("package-lock.json"))) > 0;
        for (String file : files) {
            Files.copy(source.resolve(file), work.resolve(file), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.COPY_ATTRIBUTES);
        }
        if (current) {
            return;
        }
        String npm = System.getProperty("os.name").startsWith("Windows") ? "npm.cmd" : "npm";
        // --ignore-scripts: the packages need no install step, and a test should not run package scripts.
        Process ci = new ProcessBuilder(npm, "ci", "--no-audit", "--no-fund", "--omit=dev", "--ignore-scripts",
                "--prefer-offline", "--cache", NPM_CACHE.toString())
                .directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("npm-ci.log").toFile()).start();
        if (!ci.waitFor(5, TimeUnit.MINUTES) || ci.exitValue() != 0) {
            ci.destroyForcibly();
            throw new IllegalStateException("npm ci in " + work + " failed; see " + work.resolve("npm-ci.log"));
        }
    }
}
