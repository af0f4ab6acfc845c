package com.tradingcontrol.kafka.embedded;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/** The server properties of a single-node combined broker+controller on loopback. */
final class BrokerProperties {

    static final int NODE_ID = 1;
    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    /** Keys that define the node's identity, listeners and storage; overriding them would break it. */
    static final Set<String> RESERVED = Set.of(
            "process.roles", "node.id", "broker.id", "listeners", "advertised.listeners",
            "listener.security.protocol.map", "controller.listener.names", "inter.broker.listener.name",
            "controller.quorum.voters", "controller.quorum.bootstrap.servers",
            "log.dir", "log.dirs", "metadata.log.dir");

    private static final long DEDUPE_BUFFER_BYTES = 8L * 1024 * 1024;

    private BrokerProperties() {
    }

    /** Defaults suited to one node; every one of them may be overridden by the caller. */
    static Map<String, String> singleNodeDefaults() {
        Map<String, String> p = new LinkedHashMap<>();
        // Internal topics default to replication factor 3, which one node can never satisfy.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        // 50 partitions each (the default) make the first group or transaction wait for their creation.
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("num.partitions", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created explicitly (see the topic registry); a typo must not create a topic.
        p.put("auto.create.topics.enable", "false");
        // The cleaner stays on (compacted topics are used) but would otherwise reserve 128 MB of heap.
        p.put("log.cleaner.enable", "true");
        p.put("log.cleaner.dedupe.buffer.size", Long.toString(DEDUPE_BUFFER_BYTES));
        // Fewer request threads than a production broker: this shares a small machine with its clients.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        // Recovery after kill -9: the broker re-reads every segment past the last checkpointed recovery point,
        // and by default that point only moves when a segment rolls (flushes never run on a timer) and is
        // checkpointed once a minute, so a restart re-read up to a whole 1 GB segment per partition (12 s
        // was seen). A time-based flush every 5 s moves the recovery point, checkpointed every 5 s, so at most
        // ~10 s of writes are re-read. Still no per-message fsync: durability stays replication's job.
        p.put("log.flush.scheduler.interval.ms", "1000");
        p.put("log.flush.interval.ms", "5000");
        p.put("log.flush.offset.checkpoint.interval.ms", "5000");
        p.put("num.recovery.threads.per.data.dir", "2");
        return p;
    }

    static Properties build(Path logDir, int brokerPort, int controllerPort, Map<String, String> overrides) {
        Properties p = new Properties();
        p.putAll(singleNodeDefaults());
        p.putAll(overrides);
        String host = LoopbackPorts.HOST;
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        p.put("listeners", BROKER_LISTENER + "://" + host + ":" + brokerPort + ","
                + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
        p.put("advertised.listeners", BROKER_LISTENER + "://" + host + ":" + brokerPort);
        p.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", BROKER_LISTENER);
        p.put("log.dirs", logDir.toString());
        p.put("metadata.log.dir", logDir.toString());
        return p;
    }
}
