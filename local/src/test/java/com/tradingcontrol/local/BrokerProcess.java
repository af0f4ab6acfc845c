package com.tradingcontrol.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * One KRaft node (combined broker and controller) run by Kafka's own {@code kafka.Kafka} main in a
 * child JVM, so a test can kill it the honest way (SIGKILL: no controlled shutdown, unflushed
 * segments) and start it again on the same log dir.
 */
final class BrokerProcess {

    final int nodeId;
    final int port;
    final int controllerPort;
    private final Path logDir;
    private final Path properties;
    private final Path output;
    private Process process;
    /** False while the test has it killed on purpose; a node that dies otherwise fails the test. */
    volatile boolean expectedAlive = true;

    BrokerProcess(int nodeId, int port, int controllerPort, Path workDir) {
        this.nodeId = nodeId;
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDir = workDir.resolve("broker-" + nodeId);
        this.properties = workDir.resolve("broker-" + nodeId + ".properties");
        this.output = workDir.resolve("broker-" + nodeId + ".log");
    }

    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    Path logDir() {
        return logDir;
    }

    /** Writes the production-shape configuration: replication factor 3 everywhere, min.insync.replicas=2. */
    void writeProperties(String voters) throws IOException {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(nodeId));
        p.put("controller.quorum.voters", voters);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("default.replication.factor", "3");
        p.put("min.insync.replicas", "2");
        p.put("offsets.topic.replication.factor", "3");
        p.put("transaction.state.log.replication.factor", "3");
        p.put("transaction.state.log.min.isr", "2");
        p.put("unclean.leader.election.enable", "false");
        p.put("auto.create.topics.enable", "false");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Fewer internal partitions and threads than the defaults: three brokers share two cores here.
        p.put("offsets.topic.num.partitions", "6");
        p.put("transaction.state.log.num.partitions", "6");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        try (OutputStream out = Files.newOutputStream(properties)) {
            p.store(out, "three-broker fault test, node " + nodeId);
        }
    }

    void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "kafka.Kafka", properties.toString()));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
    }

    /** SIGKILL, then wait until the process is gone. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    String logTail() throws IOException {
        if (!Files.exists(output)) {
            return "(no output)";
        }
        List<String> lines = Files.readAllLines(output);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
