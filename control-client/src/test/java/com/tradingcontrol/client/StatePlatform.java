package com.tradingcontrol.client;

import com.tradingcontrol.codec.ConfigValues;
import com.tradingcontrol.codec.ControlStateMapper;
import com.tradingcontrol.domain.ConfigValue;
import com.tradingcontrol.domain.Provenance;
import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.domain.control.ControlState;
import com.tradingcontrol.kafka.embedded.EmbeddedKafkaBroker;
import com.tradingcontrol.schemas.avro.CommandOutcome;
import com.tradingcontrol.schemas.avro.ConfigSetting;
import com.tradingcontrol.schemas.avro.HaltSignal;
import com.tradingcontrol.schemas.avro.ProfileStatus;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.serde.AvroSerializer;
import com.tradingcontrol.schemas.topics.TopicCreator;
import com.tradingcontrol.schemas.topics.TopicNames;
import com.tradingcontrol.schemas.topics.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * A broker of its own with the platform's state topics, and a writer that puts records on them the
 * way the processors do: Avro in the Confluent wire format through the contracts' serializer, the
 * control state mapped by the codec, inside Kafka transactions (the client reads read_committed).
 */
public final class StatePlatform implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(30);
    static final int PARTITIONS = 3;

    final EmbeddedKafkaBroker broker;
    final InProcessSchemaRegistry registry = InProcessSchemaRegistry.inMemory();
    private final KafkaProducer<String, byte[]> producer;
    private KafkaProducer<String, byte[]> signalProducer;
    private final AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(registry, false);

    private StatePlatform(EmbeddedKafkaBroker broker) throws Exception {
        this.broker = broker;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            TopicCreator.createAll(admin, new Topics(registry, PARTITIONS), (short) 1, WAIT);
        }
        this.producer = new KafkaProducer<>(producerConfig(broker.bootstrapServers()), new StringSerializer(),
                new ByteArraySerializer());
        producer.initTransactions();
    }

    public static StatePlatform start() throws Exception {
        return new StatePlatform(EmbeddedKafkaBroker.startTemporary());
    }

    public ControlClientConfig.Builder clientConfig() {
        return ControlClientConfig.builder().bootstrapServers(broker.bootstrapServers()).schemaRegistry(registry);
    }

    /** Writes a scope's control state as the processors do (codec mapping, last change = its newest control). */
    void control(ControlState state) {
        Provenance last = new Provenance("operator-1", Instant.parse("2026-01-01T00:00:00Z"), "cmd-last", "last change");
        send(TopicNames.CONTROL_STATE, state.scope().toString(), ControlStateMapper.toAvro(state, last, "cmd-last:0"), true);
    }

    /** Writes a scope's control state as produced by {@code commandId}'s event (lastEventId {@code <commandId>:0}). */
    void control(ControlState state, String commandId) {
        Provenance last = new Provenance("operator-1", Instant.parse("2026-01-01T00:00:00Z"), commandId, "last change");
        send(TopicNames.CONTROL_STATE, state.scope().toString(), ControlStateMapper.toAvro(state, last, commandId + ":0"),
                true);
    }

    /** A fast halt as the API publishes it: idempotent producer, no transaction, key = scope. */
    synchronized void haltSignal(HaltSignal signal) {
        if (signalProducer == null) {
            Map<String, Object> config = new HashMap<>();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            signalProducer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        }
        try {
            signalProducer.send(new ProducerRecord<>(TopicNames.HALT_SIGNALS, signal.getScope(),
                    serializer.serialize(TopicNames.HALT_SIGNALS, signal))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write a halt signal", e.getCause());
        }
    }

    /** A command's outcome as the processors write it (in a transaction, key = command id). */
    void outcome(CommandOutcome outcome) {
        send(TopicNames.COMMAND_OUTCOMES, outcome.getCommandId(), outcome, true);
    }

    void controlTombstone(Scope scope) {
        sendRaw(TopicNames.CONTROL_STATE, scope.toString(), null, true);
    }

    /** A control written in a transaction that is aborted: a read_committed reader never sees it. */
    void abortedControl(ControlState state) {
        Provenance last = new Provenance("intruder", Instant.EPOCH, "cmd-aborted", "aborted");
        send(TopicNames.CONTROL_STATE, state.scope().toString(), ControlStateMapper.toAvro(state, last, "x:0"), false);
    }

    void profile(String tenantId, String profileId, boolean enabled, long version, String setBy, String reason) {
        ProfileStatus status = ProfileStatus.newBuilder().setTenantId(tenantId).setProfileId(profileId)
                .setName("profile " + profileId).setEnabled(enabled).setVersion(version).setReason(reason)
                .setSetBy(setBy).setSetAt(Instant.parse("2026-01-02T00:00:00Z")).setCommandId("cmd-" + profileId)
                .build();
        send(TopicNames.PROFILE_STATE, "profile:" + tenantId + ":" + profileId, status, true);
    }

    void profileTombstone(String tenantId, String profileId) {
        sendRaw(TopicNames.PROFILE_STATE, "profile:" + tenantId + ":" + profileId, null, true);
    }

    public void config(String key, ConfigValue value, long version, String setBy) {
        ConfigSetting setting = ConfigSetting.newBuilder().setKey(key).setValue(ConfigValues.toAvro(value))
                .setVersion(version).setReason("because").setSetBy(setBy)
                .setSetAt(Instant.parse("2026-01-03T00:00:00Z")).setCommandId("cmd-" + key).build();
        send(TopicNames.CONFIG_STATE, key, setting, true);
    }

    void configTombstone(String key) {
        sendRaw(TopicNames.CONFIG_STATE, key, null, true);
    }

    /** Bytes that are not a Confluent-framed Avro record. */
    public void garbage(String topic, String key) {
        sendRaw(topic, key, new byte[] {42, 1, 2, 3}, true);
    }

    private void send(String topic, String key, SpecificRecord value, boolean commit) {
        sendRaw(topic, key, serializer.serialize(topic, value), commit);
    }

    private synchronized void sendRaw(String topic, String key, byte[] value, boolean commit) {
        producer.beginTransaction();
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            producer.abortTransaction();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            producer.abortTransaction();
            throw new IllegalStateException("cannot write to " + topic, e.getCause());
        }
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.abortTransaction();
        }
    }

    private static Map<String, Object> producerConfig(String bootstrap) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "state-writer-" + UUID.randomUUID());
        return config;
    }

    @Override
    public void close() {
        try {
            producer.close(Duration.ofSeconds(5));
            if (signalProducer != null) {
                signalProducer.close(Duration.ofSeconds(5));
            }
        } finally {
            broker.close();
        }
    }
}
