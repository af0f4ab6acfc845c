package com.tradingcontrol.processors.service;

import com.tradingcontrol.domain.TradingDomain;
import com.tradingcontrol.processors.topology.ControlPlaneTopology;
import com.tradingcontrol.processors.topology.StreamsSettings;
import com.tradingcontrol.processors.topology.TopologySettings;
import com.tradingcontrol.schemas.registry.CachingSchemaRegistryClient;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.registry.RestRegistryConfig;
import com.tradingcontrol.schemas.registry.RestSchemaRegistryClient;
import com.tradingcontrol.schemas.registry.SchemaRegistryClient;
import com.tradingcontrol.schemas.topics.TopicCreator;
import com.tradingcontrol.schemas.topics.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One processor instance: creates the topics if missing, then runs the topology under
 * exactly-once. Any number of instances may share an application id; Kafka Streams spreads the
 * partitions (tasks) over them and moves them when one stops.
 */
public final class ProcessorService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorService.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final ProcessorConfig config;
    private final KafkaStreams streams;

    private ProcessorService(ProcessorConfig config, KafkaStreams streams) {
        this.config = config;
        this.streams = streams;
    }

    /** Creates topics, builds the topology and starts it; returns without waiting for RUNNING. */
    public static ProcessorService start(ProcessorConfig config, SchemaRegistryClient registry)
            throws InterruptedException, ExecutionException, TimeoutException {
        Topics topics = new Topics(registry, config.partitions());
        createTopics(config, topics);
        StreamsBuilder builder = new StreamsBuilder();
        ControlPlaneTopology.build(builder, topics,
                new TopologySettings(TradingDomain.withDefaultCatalogue(), config.expiryScanInterval(),
                        config.controlCommitSpacing(), config.commandVerifier()));
        Properties properties = StreamsSettings.properties(config.bootstrapServers(), config.applicationId(), topics,
                config.commitInterval(), config.stateDir(), config.numThreads());
        properties.putAll(config.streamsOverrides());
        KafkaStreams streams = new KafkaStreams(builder.build(properties), properties);
        // A thread that dies on an unexpected error is replaced (a bounded number of times); its task
        // restarts from the last committed transaction, so nothing half-done is ever visible.
        streams.setUncaughtExceptionHandler(new ThreadReplacements(config.maxThreadReplacements(),
                ThreadReplacements.DEFAULT_WINDOW, java.time.Clock.systemUTC()));
        streams.setStateListener((now, before) -> LOG.info("Processor {} state {} -> {}", config.applicationId(),
                before, now));
        streams.start();
        return new ProcessorService(config, streams);
    }

    /** The registry client the config asks for (the in-process one persistent when a data dir is set). */
    public static SchemaRegistryClient registryFor(ProcessorConfig config) {
        if (config.schemaRegistryUrl() != null) {
            return CachingSchemaRegistryClient.of(new RestSchemaRegistryClient(
                    RestRegistryConfig.of(config.schemaRegistryUrl().toString())));
        }
        return config.schemaRegistryDataDir() == null
                ? InProcessSchemaRegistry.inMemory()
                : InProcessSchemaRegistry.persistent(config.schemaRegistryDataDir());
    }

    private static void createTopics(ProcessorConfig config, Topics topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.bootstrapServers()))) {
            var created = TopicCreator.createAll(admin, topics, config.replicationFactor(), ADMIN_TIMEOUT);
            if (!created.isEmpty()) {
                LOG.info("Created topics {}", created);
            }
        }
    }

    /** Runs one instance until the JVM is told to stop; see {@link ProcessorMain} for the configuration sources. */
    public static void main(String[] args) throws Exception {
        ProcessorMain.main(args);
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /**
     * Live = not failed for good: CREATED, REBALANCING or RUNNING. ERROR (the thread replacement budget
     * is spent, or the client shut itself down) and a stopped client are not live.
     */
    public boolean isLive() {
        KafkaStreams.State state = streams.state();
        return state == KafkaStreams.State.CREATED || state.isRunningOrRebalancing();
    }

    /** Ready = RUNNING: all assigned tasks restored and processing (for the health endpoint). */
    public boolean isReady() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    /** Waits until RUNNING; false on timeout or if the instance stopped instead. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            KafkaStreams.State state = streams.state();
            if (state == KafkaStreams.State.RUNNING) {
                return true;
            }
            if (!state.isRunningOrRebalancing() && state != KafkaStreams.State.CREATED) {
                return false;
            }
            Thread.sleep(20);
        }
        return false;
    }

    public KafkaStreams streams() {
        return streams;
    }

    public ProcessorConfig config() {
        return config;
    }

    /** Stops processing, commits and leaves the group so another instance takes over at once. */
    public void close(Duration timeout) {
        boolean done = streams.close(CloseOptions.timeout(Objects.requireNonNull(timeout, "timeout"))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        if (!done) {
            LOG.warn("Processor {} did not stop within {}", config.applicationId(), timeout);
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}
