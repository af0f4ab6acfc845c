package com.tradingcontrol.local.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code bin/tcp} run as a process against one local.json, as the README's walkthrough runs it. */
final class Cli {
    record Result(int exitCode, String out, String err) {
    }

    private final Path repoRoot;
    private final Path workDir;
    private final Path localJson;
    private int calls;

    Cli(Path repoRoot, Path workDir, Path localJson) {
        this.repoRoot = repoRoot;
        this.workDir = workDir;
        this.localJson = localJson;
    }

    Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(repoRoot.resolve("bin/tcp").toString()));
        command.addAll(List.of(args));
        int n = ++calls;
        Path out = workDir.resolve("cli-" + n + ".out");
        Path err = workDir.resolve("cli-" + n + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("TCP_LOCAL_JSON", localJson.toString());
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/tcp " + String.join(" ", args) + " did not finish in 60 s");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
