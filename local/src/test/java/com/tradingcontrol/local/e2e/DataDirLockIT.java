package com.tradingcontrol.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.local.DevTokens;
import com.tradingcontrol.local.LocalPlatform;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second {@code bin/tcp-local} on a data dir that a running instance owns must refuse at once and
 * touch nothing: before the lock it started its own KRaft controller, which wrote into the running
 * instance's {@code __cluster_metadata} (epoch bumped, a batch with a bad CRC) and killed its raft
 * thread. The first instance runs in this JVM; the second is a real separate process, so the refusal
 * comes from the OS file lock, not from anything shared in memory.
 */
@Timeout(value = 180)
class DataDirLockIT {
    private final Path repoRoot = Path.of("").toAbsolutePath().getParent();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void secondStartOnAnOwnedDataDirFailsAtOnceAndLeavesTheRunningInstanceIntact(@TempDir Path work) throws Exception {
        Path dataDir = work.resolve("data");
        LocalPlatform first = new LocalPlatform(dataDir, 0).start();
        boolean stopped = false;
        try {
            String token = DevTokens.loadOrCreate(dataDir).issueAll(Instant.now()).get("admin");
            URI api = URI.create("http://127.0.0.1:" + first.apiPort());
            assertThat(setMaxOpenOrders(api, token, 600).statusCode()).isEqualTo(200);
            Path metadata = dataDir.resolve("kafka/kafka-logs/__cluster_metadata-0");
            Map<String, byte[]> before = metadataFiles(metadata);

            long launched = System.nanoTime();
            try (LauncherProcess second = LauncherProcess.start(repoRoot, work, dataDir, work.resolve("second.log"))) {
                Optional<Integer> exit = second.awaitExit(Duration.ofSeconds(10));
                double took = (System.nanoTime() - launched) / 1e9;
                System.out.printf("second tcp-local refused after %.2f s (JVM start included)%n", took);

                assertThat(exit).as("second instance still running:\n" + second.output()).hasValue(1);
                assertThat(took).as("refusal time, JVM start included").isLessThan(2.0);
                assertThat(second.output().strip()).isEqualTo("tcp-local: data dir " + dataDir.toAbsolutePath()
                        + " is in use by process " + ProcessHandle.current().pid() + " (since "
                        + ownerSince(dataDir) + "); stop that instance or pass another --data-dir");
            }
            assertUntouched(before, metadataFiles(metadata));
            assertThat(setMaxOpenOrders(api, token, 700).statusCode()).isEqualTo(200);

            long stopping = System.nanoTime();
            first.close();
            stopped = true;
            double stopTook = (System.nanoTime() - stopping) / 1e9;
            System.out.printf("first instance stopped in %.1f s%n", stopTook);
            assertThat(stopTook).isLessThan(30.0);
        } finally {
            if (!stopped) {
                first.close();
            }
        }
    }

    private HttpResponse<String> setMaxOpenOrders(URI api, String token, int value) throws Exception {
        return http.send(HttpRequest.newBuilder(api.resolve("/api/config/risk.maxOpenOrders"))
                .header("Authorization", "Bearer " + token).header("Prefer", "wait=20")
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"value\": " + value + ", \"reason\": \"lock test\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String ownerSince(Path dataDir) throws IOException {
        String owner = Files.readString(dataDir.resolve(".lock")).strip();
        return owner.substring(owner.indexOf("(since ") + 7, owner.length() - 1);
    }

    /**
     * The running controller itself keeps appending to its metadata log (a no-op record every 500 ms),
     * so "untouched" means: every byte that was in a log segment is still there, unchanged, and the
     * quorum state (epoch, leader) is identical. Index files are skipped: their preallocated tails are
     * rewritten in place by the owner's appends.
     */
    private static void assertUntouched(Map<String, byte[]> before, Map<String, byte[]> after) {
        assertThat(after.keySet()).containsAll(before.keySet());
        before.forEach((name, bytes) -> {
            byte[] now = after.get(name);
            if (name.endsWith(".log")) {
                assertThat(now.length).as(name).isGreaterThanOrEqualTo(bytes.length);
                assertThat(Arrays.copyOf(now, bytes.length)).as(name + " (bytes before the attempt)").isEqualTo(bytes);
            } else {
                assertThat(now).as(name).isEqualTo(bytes);
            }
        });
    }

    private static Map<String, byte[]> metadataFiles(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                if (!name.endsWith(".index") && !name.endsWith(".timeindex")) {
                    files.put(name, Files.readAllBytes(p));
                }
            }
        }
        assertThat(files).containsKey("quorum-state");
        return files;
    }
}
