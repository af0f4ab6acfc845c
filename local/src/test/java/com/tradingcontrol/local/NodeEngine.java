package com.tradingcontrol.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The example engine in {@code examples/node-engine}, installed with {@code npm ci} into
 * {@code target/node-engine} (skipped without {@code node}, failed on CI: {@link NodeJs}), run as
 * {@code node engine.js --vectors <file>} or serving queries on stdin ({@code --serve}).
 */
final class NodeEngine {
    private static final Path SOURCE = Path.of("../examples/node-engine");
    private static final Path WORK = Path.of("target/node-engine");
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "engine.js", "decide.js");
    private static final ObjectMapper JSON = new ObjectMapper();

    private NodeEngine() {
    }

    static void prepare() throws IOException, InterruptedException {
        NodeJs.require("the Node.js engine test");
        NodeJs.install(SOURCE, WORK, FILES);
    }

    /** Runs the vectors file; returns the engine's summary line and exit code (failures are on its stderr). */
    static Result vectors(Path file) throws IOException, InterruptedException {
        Path err = WORK.resolve("vectors.err");
        Process p = new ProcessBuilder(NodeJs.NODE, "engine.js", "--vectors", file.toAbsolutePath().toString())
                .directory(WORK.toFile()).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("node engine.js --vectors did not finish within 60 s");
        }
        return new Result(p.exitValue(), out, Files.readString(err));
    }

    record Result(int exitCode, String stdout, String stderr) {}

    /** Starts the engine on {@code localJson} and waits until it reports it has caught up. */
    static Served serve(Path localJson, Duration catchUp) throws Exception {
        Path err = WORK.resolve("serve.err");
        Process p = new ProcessBuilder(NodeJs.NODE, "engine.js", "--local", localJson.toAbsolutePath().toString(), "--serve")
                .directory(WORK.toFile()).redirectError(err.toFile()).start();
        Served served = new Served(p, err);
        JsonNode ready = served.line(catchUp);
        if (!ready.path("ready").asBoolean(false)) {
            served.close();
            throw new AssertionError("the engine did not report ready: " + ready + "; stderr: " + Files.readString(err));
        }
        return served;
    }

    /** A running engine answering one query per line. */
    static final class Served implements AutoCloseable {
        private final Process process;
        private final Path err;
        private final BufferedReader out;
        private final Writer in;
        private final ExecutorService reader = Executors.newSingleThreadExecutor();

        private Served(Process process, Path err) {
            this.process = process;
            this.err = err;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        }

        /** The engine's answer to "tenant,profile,symbol" (empty parts: not asked about). */
        JsonNode query(String query) throws Exception {
            in.write(query + "\n");
            in.flush();
            return line(Duration.ofSeconds(30));
        }

        private JsonNode line(Duration timeout) throws Exception {
            Future<String> next = reader.submit(out::readLine);
            try {
                String line = next.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (line == null) {
                    throw new AssertionError("the engine ended; stderr: " + Files.readString(err));
                }
                return JSON.readTree(line);
            } catch (TimeoutException e) {
                next.cancel(true);
                throw new AssertionError("no answer from the engine within " + timeout + "; stderr: " + Files.readString(err));
            }
        }

        @Override
        public void close() throws Exception {
            try {
                in.close();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } finally {
                reader.shutdownNow();
            }
        }
    }
}
