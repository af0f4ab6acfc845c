package com.tradingcontrol.processors.topology;

import static com.tradingcontrol.processors.topology.TestCommands.ADMIN;
import static com.tradingcontrol.processors.topology.TestCommands.OPERATOR;
import static com.tradingcontrol.processors.topology.TestCommands.customer;
import static com.tradingcontrol.processors.topology.TestCommands.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.domain.Provenance;
import com.tradingcontrol.domain.profile.ProfileState;
import com.tradingcontrol.schemas.avro.ConfigSetting;
import com.tradingcontrol.schemas.avro.DisableProfile;
import com.tradingcontrol.schemas.avro.ProfileStatus;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.topics.Topics;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The catch-up of profile and config states across task incarnations (restarts, moves, rolling upgrades):
 * the stores outlive a {@link CommandProcessor}, as changelogged stores do in Kafka Streams, and
 * {@link #deliver} plays the global thread that copies what reached the topics into their views.
 */
class StatePublicationsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private MockProcessorContext<String, Emission> context;

    @BeforeEach
    void stores() {
        context = new MockProcessorContext<>();
        Topics topics = new Topics(InProcessSchemaRegistry.inMemory(), 3);
        ControlPlaneTopology.processorStoreSerdes().forEach(this::addStore);
        addStore(StoreNames.CONTROL_VIEW, topics.controlState().valueSerde());
        // A registry each: the mock names every store's topic alike, and one subject cannot hold both schemas.
        addStore(StoreNames.PROFILE_STATE_VIEW, new Topics(InProcessSchemaRegistry.inMemory(), 3).profileState()
                .valueSerde());
        addStore(StoreNames.CONFIG_STATE_VIEW, new Topics(InProcessSchemaRegistry.inMemory(), 3).configState()
                .valueSerde());
        context.setCurrentSystemTimeMs(T0.toEpochMilli());
    }

    @Test
    void theCatchUpPublishesBeforeTheFirstCommandsOwnRecords() {
        profiles().put("profile:u1:old", created("old", 1));

        incarnation().process(command("profile:u1:p1", "cp", TestCommands.createProfile("u1", "p1")));

        List<Emission> forwarded = forwarded();
        assertThat(forwarded.get(0)).isInstanceOfSatisfying(Emission.Profile.class,
                p -> assertThat(p.value().getProfileId()).isEqualTo("old"));
        assertThat(forwarded.subList(1, forwarded.size())).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Event", "Profile", "Audit", "Outcome");
    }

    @Test
    void aLaterIncarnationRepublishesNothingThatWasPublished() {
        profiles().put("profile:u1:old", created("old", 1));
        CommandProcessor first = incarnation();
        first.process(command("profile:u1:p1", "cp", TestCommands.createProfile("u1", "p1")));
        assertThat(profileRecords()).extracting(ProfileStatus::getProfileId).containsExactly("old", "p1");
        deliver();

        context.resetForwards();
        CommandProcessor second = incarnation();
        context.scheduledPunctuators().get(context.scheduledPunctuators().size() - 1).getPunctuator()
                .punctuate(T0.toEpochMilli() + 250);
        second.process(command("global", "pause", TestCommands.pause("global", "auction", null)));

        assertThat(profileRecords()).isEmpty();
    }

    @Test
    void aProfileChangedWithoutBeingPublishedIsRepublishedByTheNextIncarnation() {
        incarnation().process(command("profile:u1:p1", "cp", TestCommands.createProfile("u1", "p1")));
        incarnation().process(command("profile:u1:p2", "cp2", TestCommands.createProfile("u1", "p2")));
        deliver();
        // An older processor version (mid rolling upgrade) enabled p1 and published nothing.
        ProfileState enabledByOldVersion = new ProfileState("u1", "p1", 2, true, "profile p1", true,
                new Provenance("cust-u1", T0, "legacy-enable", "go"));
        profiles().put("profile:u1:p1", enabledByOldVersion);

        context.resetForwards();
        incarnation().process(command("profile:u1:p2", "dp2", new DisableProfile("p2", "u1", "no-op")));

        assertThat(profileRecords()).singleElement().satisfies(p -> {
            assertThat(p.getProfileId()).isEqualTo("p1");
            assertThat(p.getEnabled()).isTrue();
            assertThat(p.getVersion()).isEqualTo(2L);
            assertThat(p.getCommandId()).isEqualTo("legacy-enable");
        });
    }

    @Test
    void statesMissingFromARecreatedTopicArePublishedAgain() {
        incarnation().process(command("profile:u1:p1", "cp", TestCommands.createProfile("u1", "p1")));
        incarnation().process(command("config:risk.maxOpenOrders", "k1",
                TestCommands.config("risk.maxOpenOrders", 100L)));
        deliver();
        KeyValueStore<String, ProfileStatus> profilesOnTopic = context.getStateStore(StoreNames.PROFILE_STATE_VIEW);
        KeyValueStore<String, ConfigSetting> configsOnTopic = context.getStateStore(StoreNames.CONFIG_STATE_VIEW);
        profilesOnTopic.delete("profile:u1:p1");
        configsOnTopic.delete("risk.maxOpenOrders");

        context.resetForwards();
        incarnation().process(command("global", "pause", TestCommands.pause("global", "auction", null)));

        assertThat(profileRecords()).extracting(ProfileStatus::getProfileId, ProfileStatus::getVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("p1", 1L));
        assertThat(forwarded()).filteredOn(Emission.Config.class::isInstance).singleElement()
                .satisfies(c -> assertThat(((Emission.Config) c).value().getValue()).isEqualTo(100L));
    }

    @Test
    void aCatchUpFromTheExpiryScanAsksForACommit() {
        profiles().put("profile:u1:old", created("old", 1));
        incarnation();
        context.resetCommit();

        context.scheduledPunctuators().get(0).getPunctuator().punctuate(T0.toEpochMilli() + 250);

        assertThat(profileRecords()).hasSize(1);
        assertThat(context.committed()).isTrue();
    }

    private CommandProcessor incarnation() {
        CommandProcessor processor = new CommandProcessor(TopologySettings.defaults(TestCommands.VERIFIER));
        processor.init(context);
        return processor;
    }

    private static Record<String, com.tradingcontrol.schemas.avro.CommandEnvelope> command(String key, String id,
                                                                                          Object payload) {
        var actor = key.startsWith("profile:") ? customer("u1") : key.startsWith("config:") ? ADMIN : OPERATOR;
        return new Record<>(key, envelope(id, actor, T0, payload), T0.toEpochMilli());
    }

    private static ProfileState created(String profileId, long version) {
        return new ProfileState("u1", profileId, version, true, "profile " + profileId, false,
                new Provenance("cust-u1", T0.minusSeconds(60), "old-" + profileId, null));
    }

    /** What the global thread does: the records forwarded so far reach their topics and so the views. */
    private void deliver() {
        KeyValueStore<String, ProfileStatus> profilesOnTopic = context.getStateStore(StoreNames.PROFILE_STATE_VIEW);
        KeyValueStore<String, ConfigSetting> configsOnTopic = context.getStateStore(StoreNames.CONFIG_STATE_VIEW);
        for (var forward : context.forwarded()) {
            if (forward.record().value() instanceof Emission.Profile p) {
                profilesOnTopic.put(forward.record().key(), p.value());
            } else if (forward.record().value() instanceof Emission.Config c) {
                configsOnTopic.put(forward.record().key(), c.value());
            }
        }
    }

    private KeyValueStore<String, ProfileState> profiles() {
        return context.getStateStore(StoreNames.PROFILE_STATES);
    }

    private List<Emission> forwarded() {
        return context.forwarded().stream().<Emission>map(f -> f.record().value()).toList();
    }

    private List<ProfileStatus> profileRecords() {
        return forwarded().stream().filter(Emission.Profile.class::isInstance)
                .map(e -> ((Emission.Profile) e).value()).toList();
    }

    private <V> void addStore(String name, Serde<V> valueSerde) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                Serdes.String(), valueSerde).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }
}
