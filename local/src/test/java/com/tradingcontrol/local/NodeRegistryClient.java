package com.tradingcontrol.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/registry-node-client/decode.js} (the npm package
 * {@code @kafkajs/confluent-schema-registry}, pinned by its package-lock.json) after installing it
 * with {@code npm ci} once per checkout ({@link NodeJs}: skipped without {@code node}, failed on CI).
 */
final class NodeRegistryClient {
    private static final Path SOURCE = Path.of("src/test/registry-node-client");
    private static final Path WORK = Path.of("target/registry-node-client");
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "decode.js");

    private NodeRegistryClient() {
    }

    /** Skips (or on CI fails) without Node.js, then installs the client if its lock file changed. */
    static void prepare() throws IOException, InterruptedException {
        NodeJs.require("the registry's Node client test");
        NodeJs.install(SOURCE, WORK, FILES);
    }

    /** Decodes one record value through the registry at {@code url}; returns the script's JSON line. */
    static String decode(String url, byte[] value) throws IOException, InterruptedException {
        Path err = WORK.resolve("decode.err");
        Process p = new ProcessBuilder(NodeJs.NODE, "decode.js", url, hex(value)).directory(WORK.toFile())
                .redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError("node decode.js failed: " + Files.readString(err));
        }
        return out.strip();
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            s.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return s.toString();
    }
}
