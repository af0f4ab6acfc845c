package com.tradingcontrol.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The one benchmark run inside the test suite: every scenario at toy sizes, to keep the module working. */
@Timeout(300) // seconds, per test method; ~45 s observed
class BenchSmokeIT {

    private static final Pattern LINE = Pattern.compile(
            "BENCH (\\S+) p50=([0-9.]+) p99=([0-9.]+) max=([0-9.]+) unit=(\\S+) ratio_to_kafka=(n/a|[0-9.]+)"
                    + "( \\w+=[0-9.]+)*");

    @Test
    void tinyRunPrintsEveryFigureAndWritesTheReport(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path reportFile = dir.resolve("report.json");
        int code = new CommandLine(new Bench(new PrintStream(bytes, true, StandardCharsets.UTF_8))).execute(
                "--halts", "4", "--warmup-seconds", "1", "--warmup-max-seconds", "2", "--background-rate", "50", "--raw-roundtrips", "20",
                "--raw-seconds", "2",
                "--throughput-seconds", "3", "--http-clients", "2", "--read-clients", "4", "--read-rate", "40",
                "--read-seconds", "2", "--timetravel-events", "200,400", "--timetravel-queries", "5",
                "--rebuild-events", "500", "--client-scopes", "300", "--client-catchup-records", "1000",
                "--client-decisions", "20000", "--client-catchup-runs", "2", "--engines", "3", "--engine-halts", "4",
                "--engine-rejections", "2", "--work-dir", dir.resolve("work").toString(),
                "--report", reportFile.toString());

        List<String> lines = Arrays.stream(bytes.toString(StandardCharsets.UTF_8).split("\n"))
                .filter(l -> l.startsWith("BENCH ")).toList();
        assertThat(code).as("exit code; output:%n%s", String.join("\n", lines)).isZero();
        List<String> names = lines.stream().map(l -> l.split(" ")[1]).toList();
        assertThat(names).contains("raw_kafka_roundtrip", "raw_kafka_txn_roundtrip", "raw_kafka_produce_throughput", "halt_ws_idle",
                "halt_state_topic_idle", "halt_rest_idle", "halt_ws_load", "halt_state_topic_load", "halt_rest_load",
                "killswitch_ws_idle", "reads_trading_control", "reads_feature_flags", "timetravel_asof_200",
                "timetravel_asof_400", "projection_rebuild", "commands_eos_kafka", "commands_eos_kafka_lag",
                "commands_http_202", "client_decide", "client_heap", "client_catchup", "raw_kafka_catchup",
                "engines_halt_decision_idle", "engines_halt_all_acked_idle", "engines_halt_decision_load",
                "engines_halt_all_acked_load", "engines_rejected_retraction");
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            assertThat(m.matches()).as("format of %s", line).isTrue();
            double p50 = Double.parseDouble(m.group(2));
            double p99 = Double.parseDouble(m.group(3));
            double max = Double.parseDouble(m.group(4));
            assertThat(max).as("max of %s", line).isGreaterThanOrEqualTo(Math.max(p50, p99));
            if (m.group(5).equals("ms")) {
                assertThat(p50).as("p50 of %s", line).isPositive().isLessThanOrEqualTo(p99);
                assertThat(max).as("latency of %s", line).isLessThan(60_000);
            }
        }
        assertThat(lines.stream().filter(l -> l.startsWith("BENCH halt_")).allMatch(l -> !l.endsWith("n/a")))
                .as("halt figures carry a ratio to raw Kafka").isTrue();

        assertThat(lines.stream().filter(l -> l.startsWith("BENCH halt_")))
                .as("halt figures count their deadline misses").allMatch(l -> l.contains(" timeouts="));
        assertThat(lines.stream().filter(l -> l.startsWith("BENCH halt_") && l.contains("_load ")))
                .as("loaded halt figures report the background load achieved")
                .allMatch(l -> l.contains(" load_target_per_s=50 ") && l.contains(" load_accepted_per_s="));

        JsonNode report = new ObjectMapper().readTree(Files.readString(reportFile));
        assertThat(report.path("failures")).isEmpty();
        assertThat(report.path("figures")).hasSize(lines.size());
        for (String warmed : List.of("commands_eos_kafka", "commands_http_202", "halt_ws_idle",
                "engines_halt_decision_idle")) {
            JsonNode notes = figure(report, warmed).path("notes");
            assertThat(notes.path("warmupSeconds").asInt()).as("warm-up of %s within its bounds", warmed).isBetween(0, 2);
            assertThat(notes.path("warmup_jit_settled").isBoolean()).as("%s says whether the JIT settled", warmed)
                    .isTrue();
        }
        JsonNode rebuild = figure(report, "projection_rebuild");
        assertThat(rebuild.path("p50").asDouble()).isPositive();
        assertThat(rebuild.path("notes").path("recordsReplayed").asLong()).isGreaterThanOrEqualTo(500);
        assertThat(figure(report, "timetravel_asof_400").path("notes").path("eventsInLog").asLong())
                .isGreaterThanOrEqualTo(400);
        assertThat(figure(report, "commands_eos_kafka").path("notes").path("accepted").asLong()).isPositive();
        assertThat(figure(report, "halt_ws_load").path("timeouts").isInt()).isTrue();
        assertThat(figure(report, "halt_ws_load").path("load_accepted_per_s").asLong()).isPositive();
        assertThat(figure(report, "engines_halt_decision_idle").path("samples").asLong()).as("one per engine and halt")
                .isEqualTo(3 * 4);
        assertThat(figure(report, "engines_rejected_retraction").path("timeouts").asInt()).isZero();
    }

    private static JsonNode figure(JsonNode report, String name) {
        for (JsonNode f : report.path("figures")) {
            if (name.equals(f.path("name").asText())) {
                return f;
            }
        }
        throw new AssertionError("no figure " + name + " in the report");
    }
}
