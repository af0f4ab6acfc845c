package com.tradingcontrol.processors.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A processor instance in its own JVM, so it can be killed the honest way (SIGKILL via
 * destroyForcibly): no shutdown hook, no commit, no leave-group, an open transaction left behind.
 */
public final class ChildProcessor {

    private final Process process;
    final Path log;

    private ChildProcessor(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * @param registryJournal the seeded in-process registry directory; copied, because a registry
     *                        directory is locked by the JVM that opens it
     */
    public static ChildProcessor start(String name, Path workDir, Path registryJournal, Map<String, String> settings)
            throws IOException {
        Path registryCopy = workDir.resolve("registry-" + name);
        Files.createDirectories(registryCopy);
        try (var files = Files.list(registryJournal)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).toList()) {
                Files.copy(file, registryCopy.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path")));
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-D" + ProcessorConfig.REGISTRY_DIR + "=" + registryCopy);
        command.add(ProcessorService.class.getName());
        Path log = workDir.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new ChildProcessor(process, log);
    }

    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String logTail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
