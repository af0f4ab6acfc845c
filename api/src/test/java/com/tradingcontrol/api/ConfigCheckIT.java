package com.tradingcontrol.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The real process: a bad configuration names its key and exits non-zero before anything starts. */
@Timeout(60) // seconds, per test method; ~6.5 s observed for both
class ConfigCheckIT {
    @TempDir
    Path dir;

    private record Result(int exitCode, String output) {}

    private Result runCheck(String yaml) throws IOException, InterruptedException {
        Path config = ConfigValidationTest.write(dir, yaml);
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                ControlPlaneApplication.class.getName(), "check", config.toString()))
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void badValueExitsNonZeroNamingTheKey() throws Exception {
        Result result = runCheck(ConfigValidationTest.AUTH + ConfigValidationTest.pemBlock() + "requestId:\n  maxLength: 5000\n");

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("requestId.maxLength");
    }

    @Test
    void goodConfigurationPassesTheCheck() throws Exception {
        Result result = runCheck(ConfigValidationTest.AUTH + ConfigValidationTest.pemBlock());

        assertThat(result.exitCode()).as(result.output()).isZero();
    }
}
