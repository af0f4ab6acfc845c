package com.tradingcontrol.processors.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.codec.ConfigSettingMapper;
import com.tradingcontrol.codec.ProfileStatusMapper;
import com.tradingcontrol.codec.StateJson;
import com.tradingcontrol.domain.ConfigValue;
import com.tradingcontrol.domain.Provenance;
import com.tradingcontrol.domain.config.ConfigState;
import com.tradingcontrol.domain.profile.ProfileState;
import com.tradingcontrol.kafka.embedded.EmbeddedKafkaBroker;
import com.tradingcontrol.processors.topology.StoreNames;
import com.tradingcontrol.schemas.avro.Actor;
import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.avro.EnableProfile;
import com.tradingcontrol.schemas.avro.PauseTrading;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.topics.TopicCreator;
import com.tradingcontrol.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The upgrade that introduced trading.profile-state and trading.config-state, on a real broker: what an older
 * processor version left behind (the changelogs of its profile and config stores, nothing on the new topics) is
 * published once when the processors start, and not again when they restart, restore their stores and read
 * the topics back.
 */
@Timeout(240) // seconds, per test method; its own deadlines add up to ~200 s
class StateTopicsUpgradeIT {

    private static final String APP = "state-upgrade-it";
    private static final int PARTITIONS = 3;
    private static final Instant T0 = Instant.parse("2026-10-01T08:00:00Z");
    private static final Actor OPERATOR = new Actor("olga", null, List.of("operator"));

    private static EmbeddedKafkaBroker broker;
    private static InProcessSchemaRegistry registry;
    private static Topics topics;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.startTemporary();
        registry = InProcessSchemaRegistry.inMemory();
        topics = new Topics(registry, PARTITIONS);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void stateLeftByAnOlderVersionIsPublishedOnceAndThenOnlyChanges() throws Exception {
        List<ProfileState> profiles = List.of(
                profile("u1", "alpha", true), profile("u1", "beta", false), profile("u2", "alpha", true),
                profile("u3", "gamma", false), profile("u4", "delta", true));
        List<ConfigState> configs = List.of(
                new ConfigState("risk.maxOpenOrders", 2, ConfigValue.of(250L), by("adam", "old-config-1", "tuning")),
                new ConfigState("risk.limitBreachAction", 1, ConfigValue.of("PAUSE_TENANT"),
                        by("adam", "old-config-2", "stricter")));
        leaveOlderVersionsStores(profiles, configs);
        Path work = Files.createTempDirectory("state-upgrade-it");

        try (ProcessorService upgraded = ProcessorService.start(config(work.resolve("a")), registry)) {
            assertThat(upgraded.awaitReady(Duration.ofSeconds(90))).isTrue();
            decided(barrier("b1", null));
        }
        Map<String, Object> expectedProfiles = new HashMap<>();
        profiles.forEach(p -> expectedProfiles.put(ProfileStatusMapper.key(p), ProfileStatusMapper.toAvro(p)));
        Map<String, Object> expectedConfigs = new HashMap<>();
        configs.forEach(c -> expectedConfigs.put(ConfigSettingMapper.key(c), ConfigSettingMapper.toAvro(c)));
        assertThat(byKey(LogSnapshot.read(broker.bootstrapServers(), topics.profileState())))
                .as("every profile, once").isEqualTo(expectedProfiles);
        assertThat(byKey(LogSnapshot.read(broker.bootstrapServers(), topics.configState())))
                .as("every setting, once").isEqualTo(expectedConfigs);

        // A restart on an empty state directory: every store restored, both topics read back into the global stores.
        try (ProcessorService restarted = ProcessorService.start(config(work.resolve("b")), registry)) {
            assertThat(restarted.awaitReady(Duration.ofSeconds(90))).isTrue();
            decided(barrier("b2", signed("enable-beta", "profile:u1:beta", new EnableProfile("beta", "u1", "go"))));
        }
        var profileRecords = LogSnapshot.read(broker.bootstrapServers(), topics.profileState());
        assertThat(profileRecords).hasSize(profiles.size() + 1);
        var last = profileRecords.stream()
                .filter(r -> r.key().equals("profile:u1:beta")).reduce((a, b) -> b).orElseThrow().value();
        assertThat(last.getEnabled()).isTrue();
        assertThat(last.getVersion()).isEqualTo(2L);
        assertThat(last.getCommandId()).isEqualTo("enable-beta");
        assertThat(LogSnapshot.read(broker.bootstrapServers(), topics.configState())).hasSize(configs.size());
    }

    /** The changelogs of the profile and config stores, each state in the partition of its aggregate's task. */
    private static void leaveOlderVersionsStores(List<ProfileState> profiles, List<ConfigState> configs)
            throws Exception {
        String profileLog = APP + "-" + StoreNames.PROFILE_STATES + "-changelog";
        String configLog = APP + "-" + StoreNames.CONFIG_STATES + "-changelog";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            TopicCreator.createAll(admin, topics, (short) 1, Duration.ofSeconds(30));
            Map<String, String> compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            admin.createTopics(List.of(new NewTopic(profileLog, PARTITIONS, (short) 1).configs(compacted),
                    new NewTopic(configLog, PARTITIONS, (short) 1).configs(compacted))).all().get();
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (ProfileState p : profiles) {
                producer.send(new ProducerRecord<>(profileLog, partitionOf(p.aggregateId()), p.aggregateId(),
                        StateJson.write(StateJson.profile(p)))).get();
            }
            for (ConfigState c : configs) {
                producer.send(new ProducerRecord<>(configLog, partitionOf(c.aggregateId()), c.aggregateId(),
                        StateJson.write(StateJson.config(c)))).get();
            }
        }
    }

    /**
     * A pause on a scope of every partition (plus {@code extra}): every task decides a command, and so has
     * caught up first; once all are decided, nothing else is pending.
     */
    private static Map<String, CommandEnvelope> barrier(String prefix, Map.Entry<String, CommandEnvelope> extra) {
        Map<String, CommandEnvelope> commands = new TreeMap<>();
        Set<Integer> covered = new java.util.HashSet<>();
        for (int i = 0; covered.size() < PARTITIONS; i++) {
            String scope = "symbol:" + prefix.toUpperCase() + i;
            if (covered.add(partitionOf(scope))) {
                commands.put(scope, signed(prefix + "-" + i, scope, new PauseTrading(scope, "barrier", null)).getValue());
            }
        }
        if (extra != null) {
            commands.put(extra.getKey(), extra.getValue());
        }
        return commands;
    }

    private static void decided(Map<String, CommandEnvelope> commands) throws Exception {
        try (KafkaProducer<String, CommandEnvelope> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), topics.commands().valueSerde().serializer())) {
            for (var command : commands.entrySet()) {
                producer.send(new ProducerRecord<>(topics.commands().name(), command.getKey(), command.getValue())).get();
            }
        }
        Set<String> ids = new java.util.HashSet<>();
        commands.values().forEach(c -> ids.add(c.getCommandId()));
        ProcessorCrashRecoveryIT.OutcomeWatcher watcher =
                new ProcessorCrashRecoveryIT.OutcomeWatcher(broker.bootstrapServers());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!watcher.caughtUp(ids)) {
            assertThat(System.nanoTime()).as("outcomes of %s within 60 s", ids).isLessThan(deadline);
        }
    }

    private static Map.Entry<String, CommandEnvelope> signed(String id, String key, Object payload) {
        return Map.entry(key, TestKeys.SIGNER.sign(CommandEnvelope.newBuilder().setCommandId(id)
                .setRequestId("req-" + id).setIssuedAt(Instant.now())
                .setActor(key.startsWith("profile:") ? new Actor("cust-u1", "u1", List.of("customer")) : OPERATOR)
                .setExpectedVersion(null).setPayload(payload).build()));
    }

    /** The partition the producer's default partitioner gives a key, i.e. the task that owns the aggregate. */
    private static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    private static <V> Map<String, Object> byKey(List<ConsumerRecord<String, V>> records) {
        Map<String, Object> latest = new HashMap<>();
        List<String> keys = new ArrayList<>();
        records.forEach(r -> {
            keys.add(r.key());
            latest.put(r.key(), r.value());
        });
        assertThat(keys).as("one record per key").doesNotHaveDuplicates();
        return latest;
    }

    private static ProfileState profile(String tenant, String id, boolean enabled) {
        Provenance last = enabled ? by("cust-" + tenant, "old-enable-" + tenant + id, "go")
                : by("cust-" + tenant, "old-create-" + tenant + id, null);
        return new ProfileState(tenant, id, enabled ? 2 : 1, true, "profile " + id, enabled, last);
    }

    private static Provenance by(String subject, String commandId, String reason) {
        return new Provenance(subject, T0, commandId, reason);
    }

    private static ProcessorConfig config(Path stateDir) {
        Map<String, String> p = new TreeMap<>();
        p.put(ProcessorConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
        p.put(ProcessorConfig.APPLICATION_ID, APP);
        p.put(ProcessorConfig.PARTITIONS, Integer.toString(PARTITIONS));
        p.put(TestKeys.property(), TestKeys.keyFile());
        p.put(ProcessorConfig.STATE_DIR, stateDir.toString());
        p.put(ProcessorConfig.STREAMS_PREFIX + "session.timeout.ms", "6000");
        p.put(ProcessorConfig.STREAMS_PREFIX + "heartbeat.interval.ms", "1000");
        return ProcessorConfig.fromProperties(p);
    }
}
