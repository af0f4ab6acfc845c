package com.tradingcontrol.processors.topology;

import com.tradingcontrol.codec.StateJson;
import com.tradingcontrol.codec.audit.ChainHead;
import com.tradingcontrol.domain.config.ConfigState;
import com.tradingcontrol.domain.control.ControlState;
import com.tradingcontrol.domain.profile.ProfileState;
import com.tradingcontrol.schemas.avro.AuditRecord;
import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.avro.CommandOutcome;
import com.tradingcontrol.schemas.topics.TopicSpec;
import com.tradingcontrol.schemas.topics.Topics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The processors' topology, built onto a caller's {@link StreamsBuilder} so tests
 * ({@code TopologyTestDriver}) and the service share it:
 * <pre>
 *   trading.commands --decide(CommandProcessor, per-aggregate stores)--+--> trading.events         (key aggregate id)
 *                                                                      +--> trading.control-state  (key scope)
 *                                                                      +--> trading.profile-state  (key aggregate id)
 *                                                                      +--> trading.config-state   (key catalogue key)
 *                                                                      +--> trading.audit          (key chain-&lt;p&gt;, partition p)
 *                                                                      +--> trading.command-outcomes (key command id)
 *   trading.control-state --> global store control-view (read by decide for other scopes)
 *   trading.profile-state, trading.config-state --> global stores profile-state-view, config-state-view
 *                                                   (read by decide's catch-up of states missing there)
 *   trading.keyed-commands --idempotency-gate(per caller+key binding store)--> trading.commands (key aggregate id)
 * </pre>
 */
public final class ControlPlaneTopology {

    private ControlPlaneTopology() {
    }

    public static void build(StreamsBuilder builder, Topics topics, TopologySettings settings) {
        addStores(builder);
        TopicSpec<String, com.tradingcontrol.schemas.avro.ControlState> stateTopic = topics.controlState();
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.CONTROL_VIEW),
                        Serdes.String(), stateTopic.valueSerde()).withLoggingDisabled(),
                stateTopic.name(), Consumed.with(stateTopic.keySerde(), stateTopic.valueSerde()),
                () -> new TopicViewUpdater<>(StoreNames.CONTROL_VIEW));

        TopicSpec<String, CommandEnvelope> commands = topics.commands();

        KStream<String, Emission> emitted = builder
                .stream(commands.name(), Consumed.with(commands.keySerde(), commands.valueSerde()))
                .process(() -> new CommandProcessor(settings), Named.as("decide"),
                        StoreNames.COMMAND_PROCESSOR_STORES.toArray(String[]::new));

        emitted.split(Named.as("emit-"))
                .branch((k, v) -> v instanceof Emission.Event, Branched.withConsumer(s -> to(s, topics.events(),
                        v -> ((Emission.Event) v).value(), null), "events"))
                .branch((k, v) -> v instanceof Emission.State, Branched.withConsumer(s -> to(s, stateTopic,
                        v -> ((Emission.State) v).value(), null), "state"))
                .branch((k, v) -> v instanceof Emission.Profile, Branched.withConsumer(s -> to(s, topics.profileState(),
                        v -> ((Emission.Profile) v).value(), null), "profile-state"))
                .branch((k, v) -> v instanceof Emission.Config, Branched.withConsumer(s -> to(s, topics.configState(),
                        v -> ((Emission.Config) v).value(), null), "config-state"))
                .branch((k, v) -> v instanceof Emission.Audit, Branched.withConsumer(s -> to(s, topics.audit(),
                        v -> ((Emission.Audit) v).value(), new ChainPartitioner()), "audit"))
                .branch((k, v) -> v instanceof Emission.Outcome, Branched.withConsumer(s -> to(s, topics.outcomes(),
                        v -> ((Emission.Outcome) v).value(), null), "outcomes"))
                .noDefaultBranch();
        addIdempotencyGate(builder, topics, settings);
        addStateView(builder, topics.profileState(), StoreNames.PROFILE_STATE_VIEW);
        addStateView(builder, topics.configState(), StoreNames.CONFIG_STATE_VIEW);
    }

    /**
     * What trading.profile-state or trading.config-state holds, replicated on every instance, so a task can see
     * which of its aggregates have no (current) record there ({@link StatePublications#catchUp}). Persistent, so a
     * restart reads only the topic's tail. Added last: their global sub-topologies take the highest ids, and
     * the decide step and the gate keep theirs (task ids, state directories) across the upgrade that added them.
     */
    private static <V> void addStateView(StreamsBuilder builder, TopicSpec<String, V> topic, String storeName) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(storeName), Serdes.String(),
                        topic.valueSerde()).withLoggingDisabled(),
                topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde()),
                () -> new TopicViewUpdater<>(storeName));
    }

    /**
     * The idempotency gate: a sub-topology of its own (keyed by caller and key) that forwards to
     * trading.commands. Built after the decide step so the decide step keeps sub-topology 0, and so its
     * task ids and state directories, across the upgrade that added the gate.
     */
    private static void addIdempotencyGate(StreamsBuilder builder, Topics topics, TopologySettings settings) {
        TopicSpec<String, CommandEnvelope> commands = topics.commands();
        TopicSpec<String, CommandEnvelope> keyed = topics.keyedCommands();
        builder.addStateStore(store(StoreNames.IDEMPOTENCY_KEYS, Serdes.String()));
        builder.stream(keyed.name(), Consumed.with(keyed.keySerde(), keyed.valueSerde()))
                .process(() -> new IdempotencyGate(settings), Named.as("idempotency-gate"),
                        StoreNames.IDEMPOTENCY_KEYS)
                .to(commands.name(), Produced.with(commands.keySerde(), commands.valueSerde()));
    }

    private static <V> void to(KStream<String, Emission> stream, TopicSpec<String, V> topic,
                               Function<Emission, V> unwrap, StreamPartitioner<String, V> partitioner) {
        Produced<String, V> produced = Produced.with(topic.keySerde(), topic.valueSerde());
        if (partitioner != null) {
            produced = produced.withStreamPartitioner(partitioner);
        }
        stream.mapValues(unwrap::apply).to(topic.name(), produced);
    }

    private static void addStores(StreamsBuilder builder) {
        processorStoreSerdes().forEach((name, serde) -> builder.addStateStore(store(name, serde)));
    }

    /** The decide step's stores ({@link StoreNames#COMMAND_PROCESSOR_STORES}) with their value serdes. */
    static Map<String, Serde<?>> processorStoreSerdes() {
        Map<String, Serde<?>> serdes = new LinkedHashMap<>();
        serdes.put(StoreNames.CONTROL_STATES, JsonStoreSerde.<ControlState>of(StateJson::control, StateJson::control));
        serdes.put(StoreNames.CONFIG_STATES, JsonStoreSerde.<ConfigState>of(StateJson::config, StateJson::config));
        serdes.put(StoreNames.PROFILE_STATES, JsonStoreSerde.<ProfileState>of(StateJson::profile, StateJson::profile));
        serdes.put(StoreNames.PROCESSED_COMMANDS, AvroBinaryStoreSerde.of(CommandOutcome.class));
        serdes.put(StoreNames.AUDIT_CHAIN_HEADS,
                JsonStoreSerde.<ChainHead>of(StateJson::chainHead, StateJson::chainHead));
        return serdes;
    }

    /**
     * Persistent and changelogged (the default), so idempotency and chain heads survive restarts and moves.
     * Cached: writes reach RocksDB and the changelog once per key per commit (see StreamsSettings).
     */
    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> valueSerde) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde)
                .withCachingEnabled();
    }

    /** Sends chain {@code chain-<p>} to audit partition p, so each partition holds exactly one chain. */
    static final class ChainPartitioner implements StreamPartitioner<String, AuditRecord> {
        @Override
        public Optional<Set<Integer>> partitions(String topic, String key, AuditRecord value, int numPartitions) {
            int partition = ChainHead.partitionOf(key);
            if (partition >= numPartitions) {
                throw new IllegalStateException(topic + " has " + numPartitions + " partitions but chain " + key
                        + " needs partition " + partition + "; audit and commands must have the same partition count");
            }
            return Optional.of(Set.of(partition));
        }
    }
}
