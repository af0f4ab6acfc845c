package com.tradingcontrol.kafka.embedded;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.utils.Time;

/** Starts a {@link KafkaRaftServer} within a deadline and waits until it answers clients. */
final class RaftServerLauncher {

    private static final Duration ABANDON_WAIT = Duration.ofSeconds(30);

    private RaftServerLauncher() {
    }

    /** Returns a started server that answered describeCluster with {@code clusterId}; on failure nothing is left running. */
    static KafkaRaftServer launch(Properties properties, String bootstrapServers, String clusterId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        KafkaRaftServer server = newServer(properties);
        CompletableFuture<Void> started = startAsync(server);
        try {
            await(started, timeout, "start");
            awaitAnswers(bootstrapServers, clusterId, Duration.ofNanos(deadline - System.nanoTime()));
            return server;
        } catch (RuntimeException e) {
            stopAfterFailedLaunch(server, started, e);
            throw e;
        }
    }

    static void shutdown(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    /** Validates the configuration and opens the log dir (the constructor already reads meta.properties). */
    private static KafkaRaftServer newServer(Properties properties) {
        KafkaConfig config;
        try {
            config = KafkaConfig.fromProps(properties, false);
        } catch (RuntimeException e) {
            throw new EmbeddedKafkaException("invalid broker configuration: " + e.getMessage(), e);
        }
        try {
            return new KafkaRaftServer(config, Time.SYSTEM);
        } catch (RuntimeException e) {
            throw new EmbeddedKafkaException("Kafka rejected its log dir " + properties.get("log.dirs") + ": "
                    + e.getMessage(), e);
        }
    }

    /** startup() has no timeout of its own, so it runs on a helper thread that the caller can stop waiting for. */
    private static CompletableFuture<Void> startAsync(KafkaRaftServer server) {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                server.startup();
                started.complete(null);
            } catch (Throwable t) {
                started.completeExceptionally(t);
            }
        }, "embedded-kafka-startup");
        starter.setDaemon(true);
        starter.start();
        return started;
    }

    /**
     * Kafka ignores shutdown() while a startup is still in progress (and awaitShutdown() would then
     * block forever), so a start that timed out is first given time to finish or fail.
     */
    private static void stopAfterFailedLaunch(KafkaRaftServer server, CompletableFuture<Void> started,
                                              RuntimeException failure) {
        try {
            started.handle((ignored, startFailure) -> null).get(ABANDON_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            shutdown(server);
        } catch (TimeoutException e) {
            server.shutdown();
            failure.addSuppressed(new EmbeddedKafkaException("Kafka's startup was still running " + ABANDON_WAIT
                    + " after the failure; parts of the server may stay alive until the JVM exits", e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(e);
        } catch (ExecutionException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static void awaitAnswers(String bootstrapServers, String clusterId, Duration timeout) {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "embedded-kafka-readiness",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        try (Admin admin = Admin.create(config)) {
            DescribeClusterResult cluster = admin.describeCluster();
            String answeredId = await(cluster.clusterId(), timeout, "answer describeCluster");
            Collection<Node> nodes = await(cluster.nodes(), timeout, "list its nodes");
            if (!clusterId.equals(answeredId) || nodes.isEmpty()) {
                throw new EmbeddedKafkaException("broker at " + bootstrapServers + " answered cluster id "
                        + answeredId + " with nodes " + nodes + ", expected cluster id " + clusterId);
            }
        }
    }

    private static <T> T await(Future<T> future, Duration timeout, String what) {
        try {
            return future.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new EmbeddedKafkaException("Kafka did not " + what + " within " + timeout, e);
        } catch (ExecutionException e) {
            throw new EmbeddedKafkaException("Kafka failed to " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedKafkaException("interrupted while waiting for Kafka to " + what, e);
        }
    }
}
