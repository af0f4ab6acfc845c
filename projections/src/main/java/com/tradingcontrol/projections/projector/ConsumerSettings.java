package com.tradingcontrol.projections.projector;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Consumer properties the projector relies on; values are decoded later, per topic. */
public final class ConsumerSettings {

    /** Kafka's default is 45 s; the broker accepts down to 6 s. Heartbeats run on their own thread. */
    static final int SESSION_TIMEOUT_MS = 10_000;

    private ConsumerSettings() {
    }

    /**
     * For a group member: manual commits only, start from the beginning of the log for a new group, at
     * most {@code maxPollRecords} per poll (one store batch each).
     */
    public static Properties group(String bootstrapServers, String groupId, int maxPollRecords) {
        return group(bootstrapServers, groupId, maxPollRecords, null);
    }

    /**
     * As {@link #group(String, String, int)}, as a static member when {@code instanceId} is set: a
     * restarted projector (after kill -9 too) takes its partitions back at once under the same id,
     * instead of the group waiting for the dead member's session to expire. The shorter session bounds
     * how long a member that does not come back holds its partitions.
     */
    public static Properties group(String bootstrapServers, String groupId, int maxPollRecords, String instanceId) {
        Properties props = common(bootstrapServers);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(maxPollRecords));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-" + Long.toHexString(System.nanoTime()));
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, Integer.toString(SESSION_TIMEOUT_MS));
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Integer.toString(SESSION_TIMEOUT_MS / 5));
        if (instanceId != null && !instanceId.isBlank()) {
            props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
        }
        return props;
    }

    /** For a reader that assigns partitions itself and commits nothing (drift check). */
    public static Properties standalone(String bootstrapServers) {
        return common(bootstrapServers);
    }

    private static Properties common(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        // The processors write events and audit records in Kafka transactions; aborted ones must never be projected.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Offsets are committed by hand, only after the store write succeeded.
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // For the drift check's reader, which only reads; a group member's size comes with its loop's timing.
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(ProjectorLoops.Timing.DEFAULT_MAX_POLL_RECORDS));
        return props;
    }
}
