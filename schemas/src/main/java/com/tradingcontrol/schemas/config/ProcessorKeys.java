package com.tradingcontrol.schemas.config;

import java.util.List;

/** The processors' keys ({@code ProcessorConfig}), besides {@link SharedKeys#KAFKA_BOOTSTRAP_SERVERS} and the registry. */
public final class ProcessorKeys {
    /** Kafka Streams application id; the API's readiness checks this consumer group too. */
    public static final String APPLICATION_ID = "processor.applicationId";
    public static final String PARTITIONS = "processor.partitions";
    public static final String REPLICATION_FACTOR = "processor.replicationFactor";
    public static final String COMMIT_INTERVAL = "processor.commitInterval";
    public static final String CONTROL_COMMIT_SPACING = "processor.controlCommitSpacing";
    public static final String STATE_DIR = "processor.stateDir";
    public static final String NUM_THREADS = "processor.numThreads";
    public static final String EXPIRY_SCAN = "processor.expiryScan";
    public static final String INSTANCE_ID = "processor.instanceId";
    public static final String MAX_THREAD_REPLACEMENTS = "processor.maxThreadReplacements";
    public static final String HEALTH_PORT = "processor.healthPort";
    /** {@code processor.streams.<kafka key>}: a raw Kafka Streams / client setting, applied last. */
    public static final String STREAMS_PREFIX = "processor.streams.";
    /** {@code processor.commandKeys.<keyId>=<key file>}: a trusted command-signing key. */
    public static final String COMMAND_KEYS_PREFIX = "processor.commandKeys.";

    public static final KeySet KEYS = new KeySet(List.of(SharedKeys.KAFKA_BOOTSTRAP_SERVERS, SharedKeys.REGISTRY_URL,
            SharedKeys.REGISTRY_DIR, APPLICATION_ID, PARTITIONS, REPLICATION_FACTOR, COMMIT_INTERVAL,
            CONTROL_COMMIT_SPACING, STATE_DIR, NUM_THREADS, EXPIRY_SCAN, INSTANCE_ID, MAX_THREAD_REPLACEMENTS,
            HEALTH_PORT), List.of(STREAMS_PREFIX, COMMAND_KEYS_PREFIX));

    private ProcessorKeys() {
    }
}
