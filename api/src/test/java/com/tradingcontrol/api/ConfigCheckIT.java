package com.tradingcontrol.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        return runCheck(yaml, Map.of());
    }

    private Result runCheck(String yaml, Map<String, String> env) throws IOException, InterruptedException {
        Path config = ConfigValidationTest.write(dir, yaml);
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                ControlPlaneApplication.class.getName(), "check", config.toString()))
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void badValueExitsNonZeroNamingTheKey() throws Exception {
        Result result = runCheck(ConfigValidationTest.AUTH + ConfigValidationTest.pemBlock() + "requestId:\n  maxLength: 5000\n");

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("requestId.maxLength");
    }

    /** How compose configures the API: ${VAR} in the YAML, values from the container's environment. */
    @Test
    void environmentVariablesInTheYamlAreSubstitutedAndAMissingOneIsNamed() throws Exception {
        String yaml = "auth:\n  issuer: ${TCP_TEST_ISSUER}\n  audience: ${TCP_TEST_AUDIENCE:-api}\n"
                + ConfigValidationTest.pemBlock() + "requestId:\n  maxLength: ${TCP_TEST_MAX_LENGTH:-128}\n";

        Result set = runCheck(yaml, Map.of("TCP_TEST_ISSUER", "https://idp.test/"));
        Result missing = runCheck(yaml, Map.of());
        Result invalidValue = runCheck(yaml, Map.of("TCP_TEST_ISSUER", "https://idp.test/", "TCP_TEST_MAX_LENGTH", "5000"));

        assertThat(set.exitCode()).as(set.output()).isZero();
        assertThat(missing.exitCode()).as(missing.output()).isNotZero();
        assertThat(missing.output()).contains("TCP_TEST_ISSUER");
        // The value really comes from the environment: 5000 is out of range and named as such.
        assertThat(invalidValue.exitCode()).as(invalidValue.output()).isNotZero();
        assertThat(invalidValue.output()).contains("requestId.maxLength");
    }

    @Test
    void goodConfigurationPassesTheCheck() throws Exception {
        Result result = runCheck(ConfigValidationTest.AUTH + ConfigValidationTest.pemBlock());

        assertThat(result.exitCode()).as(result.output()).isZero();
    }
}
