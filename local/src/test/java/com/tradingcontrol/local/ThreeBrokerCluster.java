package com.tradingcontrol.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * Three KRaft nodes in child JVMs with a static quorum of all three: losing any one keeps both the
 * controller quorum and min.insync.replicas=2 satisfied.
 */
final class ThreeBrokerCluster implements AutoCloseable {

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(10);

    private final List<BrokerProcess> nodes = new ArrayList<>();
    private final Admin admin;

    private ThreeBrokerCluster(Path workDir) throws Exception {
        List<Integer> ports = freePorts(6);
        for (int i = 0; i < 3; i++) {
            nodes.add(new BrokerProcess(i + 1, ports.get(2 * i), ports.get(2 * i + 1), workDir));
        }
        String voters = nodes.stream().map(n -> n.nodeId + "@127.0.0.1:" + n.controllerPort)
                .collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        for (BrokerProcess node : nodes) {
            node.writeProperties(voters);
            format(node, clusterId);
        }
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis() / 2,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis()));
    }

    /** Formats, starts all three and returns once the cluster reports three live brokers. */
    static ThreeBrokerCluster start(Path workDir, Duration timeout) throws Exception {
        ThreeBrokerCluster cluster = new ThreeBrokerCluster(workDir);
        try {
            for (BrokerProcess node : cluster.nodes) {
                node.start();
            }
            cluster.awaitLiveBrokers(3, timeout);
            return cluster;
        } catch (Exception | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    /** All three listeners, so clients keep a way in whichever node is down. */
    String bootstrap() {
        return nodes.stream().map(BrokerProcess::bootstrap).collect(Collectors.joining(","));
    }

    BrokerProcess node(int nodeId) {
        return nodes.get(nodeId - 1);
    }

    Admin admin() {
        return admin;
    }

    /** The node leading partition 0 of {@code topic}: killing it forces a leader election under load. */
    int leaderOf(String topic) throws Exception {
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
        return description.partitions().get(0).leader().id();
    }

    void awaitLiveBrokers(int count, Duration timeout) throws Exception {
        Deadline.await("the cluster to report " + count + " live brokers", timeout, () -> liveBrokers() == count);
    }

    /** Brokers the cluster reports as registered and unfenced (0 when no node answers in time). */
    int liveBrokers() throws Exception {
        assertNodesAlive();
        try {
            return admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).size();
        } catch (ExecutionException | TimeoutException e) {
            return 0;
        }
    }

    /** True when every partition of {@code topics} has all three replicas in sync. */
    boolean fullyInSync(Collection<String> topics) throws Exception {
        assertNodesAlive();
        try {
            return admin.describeTopics(topics).allTopicNames().get(2, TimeUnit.SECONDS).values().stream()
                    .flatMap(d -> d.partitions().stream()).map(TopicPartitionInfo::isr)
                    .allMatch(isr -> isr.size() == 3);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** Members of a consumer group as the group coordinator sees them (0 when it does not answer in time). */
    int groupMembers(String groupId) throws Exception {
        try {
            return admin.describeConsumerGroups(List.of(groupId)).all().get(2, TimeUnit.SECONDS)
                    .get(groupId).members().size();
        } catch (ExecutionException | TimeoutException e) {
            return 0;
        }
    }

    /** The static member (group.instance.id) currently assigned {@code partition}, if the group is stable. */
    Optional<String> memberAssigned(String groupId, TopicPartition partition)
            throws Exception {
        try {
            return admin.describeConsumerGroups(List.of(groupId)).all().get(2, TimeUnit.SECONDS).get(groupId)
                    .members().stream().filter(m -> m.assignment().topicPartitions().contains(partition))
                    .map(m -> m.groupInstanceId().orElse(m.consumerId())).findFirst();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }

    /** A node that dies on its own (not killed by the test) fails the wait at once, with its log. */
    private void assertNodesAlive() throws IOException {
        for (BrokerProcess node : nodes) {
            if (node.expectedAlive && !node.isAlive()) {
                throw new AssertionError("broker " + node.nodeId + " died:\n" + node.logTail());
            }
        }
    }

    void kill(int nodeId) throws InterruptedException {
        BrokerProcess node = node(nodeId);
        node.expectedAlive = false;
        node.kill();
    }

    void restart(int nodeId) throws IOException {
        BrokerProcess node = node(nodeId);
        node.expectedAlive = true;
        node.start();
    }

    private static void format(BrokerProcess node, String clusterId) throws Exception {
        Files.createDirectories(node.logDir());
        new Formatter()
                .setPrintStream(System.out)
                .setNodeId(node.nodeId)
                .setClusterId(clusterId)
                .setDirectories(List.of(node.logDir().toString()))
                .setMetadataLogDirectory(node.logDir().toString())
                .setControllerListenerName("CONTROLLER")
                .setHasDynamicQuorum(false)
                .run();
    }

    /** Holds every socket open until all are picked, so the six ports are distinct. */
    private static List<Integer> freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        admin.close(Duration.ofSeconds(2));
        for (BrokerProcess node : nodes) {
            node.kill();
        }
    }
}
