package com.tradingcontrol.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.api.ApiMain;
import com.tradingcontrol.processors.service.ProcessorMain;
import com.tradingcontrol.projections.service.ProjectorService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three service mains, each as its own process, validate the platform's keys by the one convention
 * before anything starts: a non-zero exit and a message naming the key (and, for a key or variable of the
 * old dialects, its replacement).
 */
@Timeout(120)
class ServiceMainsConfigIT {
    private static final List<String> OLD_PREFIXES = List.of("TCP_", "PROCESSOR_", "PROJECTOR_");

    @TempDir
    Path work;

    @Test
    void theProcessorsRefuseAnOldVariableNamingTheNewOne() throws Exception {
        Result result = run(ProcessorMain.class, Map.of("PROCESSOR_BOOTSTRAP_SERVERS", "k:9092"));
        assertThat(result.code).isEqualTo(2);
        assertThat(result.output).contains("'PROCESSOR_BOOTSTRAP_SERVERS'")
                .contains("TCP_KAFKA_BOOTSTRAP_SERVERS (key kafka.bootstrapServers)");
    }

    @Test
    void theProcessorsRefuseAMillisecondCountWhereADurationIsDue() throws Exception {
        Path file = Files.writeString(work.resolve("processor.properties"),
                "kafka.bootstrapServers=k:9092\nprocessor.commitInterval=100\n");
        Result result = run(ProcessorMain.class, Map.of(), file.toString());
        assertThat(result.code).isEqualTo(2);
        assertThat(result.output).contains("'processor.commitInterval'").contains("100ms");
    }

    @Test
    void theProjectorRefusesAnOldVariableNamingTheNewOne() throws Exception {
        Result result = run(ProjectorService.class, Map.of("PROJECTOR_COSMOS_KEY", "k"), "run");
        assertThat(result.code).isNotZero();
        assertThat(result.output).contains("'PROJECTOR_COSMOS_KEY'").contains("TCP_COSMOS_KEY (key cosmos.key)");
    }

    @Test
    void theApiRefusesAnOldReadSideVariableNamingTheNewOne() throws Exception {
        Result result = run(ApiMain.class, Map.of("TCP_READS_STORE_TYPE", "sqlite"), "server");
        assertThat(result.code).isEqualTo(2);
        assertThat(result.output).contains("'TCP_READS_STORE_TYPE'").contains("TCP_STORE_TYPE (key store.type)");
    }

    @Test
    void theApiNamesAMissingKey() throws Exception {
        Result result = run(ApiMain.class, Map.of("TCP_REGISTRY_URL", "http://127.0.0.1:9/registry",
                "TCP_STORE_TYPE", "sqlite", "TCP_STORE_SQLITE_FILE", work.resolve("p.db").toString()), "server");
        assertThat(result.code).isEqualTo(2);
        assertThat(result.output).contains("'kafka.bootstrapServers': is required");
    }

    private Result run(Class<?> main, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx128m", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Path log = work.resolve("out.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> OLD_PREFIXES.stream().anyMatch(name::startsWith));
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(main.getSimpleName() + " exits on its own").isTrue();
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private record Result(int code, String output) {
    }
}
