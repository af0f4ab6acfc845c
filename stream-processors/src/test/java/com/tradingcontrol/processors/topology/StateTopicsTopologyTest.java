package com.tradingcontrol.processors.topology;

import static com.tradingcontrol.processors.topology.TestCommands.ADMIN;
import static com.tradingcontrol.processors.topology.TestCommands.OPERATOR;
import static com.tradingcontrol.processors.topology.TestCommands.customer;
import static com.tradingcontrol.processors.topology.TestCommands.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.domain.ConfigValue;
import com.tradingcontrol.domain.Provenance;
import com.tradingcontrol.domain.config.ConfigState;
import com.tradingcontrol.domain.profile.ProfileState;
import com.tradingcontrol.schemas.avro.Actor;
import com.tradingcontrol.schemas.avro.CommandOutcome;
import com.tradingcontrol.schemas.avro.ConfigSetting;
import com.tradingcontrol.schemas.avro.DisableProfile;
import com.tradingcontrol.schemas.avro.OutcomeStatus;
import com.tradingcontrol.schemas.avro.ProfileStatus;
import com.tradingcontrol.schemas.avro.UpdateConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the processors write to the compacted trading.profile-state and trading.config-state: the full state of
 * each profile and config aggregate after every change, with the change's provenance, and nothing otherwise.
 */
class StateTopicsTopologyTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final String PROFILE = "profile:u1:p1";

    @TempDir
    Path stateDir;

    private TopologyHarness harness;

    @BeforeEach
    void start() {
        harness = new TopologyHarness("tcp-state-topics-test", stateDir, TestCommands.VERIFIER, T0);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void everyProfileChangePublishesTheProfilesFullStateUnderItsAggregateId() {
        send(PROFILE, "cp", customer("u1"), TestCommands.createProfile("u1", "p1"));
        harness.driver.advanceWallClockTime(Duration.ofSeconds(1));
        send(PROFILE, "ep", customer("u1"), TestCommands.enableProfile("u1", "p1"));
        harness.driver.advanceWallClockTime(Duration.ofSeconds(1));
        send(PROFILE, "dp", OPERATOR, new DisableProfile("p1", "u1", "risk review"));

        assertThat(harness.profileState.readKeyValuesToList()).containsExactly(
                KeyValue.pair(PROFILE, profile(1, false, null, "cust-u1", T0, "cp")),
                KeyValue.pair(PROFILE, profile(2, true, "go", "cust-u1", T0.plusSeconds(1), "ep")),
                KeyValue.pair(PROFILE, profile(3, false, "risk review", "olga", T0.plusSeconds(2), "dp")));
        assertThat(harness.configState.isEmpty()).isTrue();
        assertThat(harness.state.isEmpty()).as("profiles are not control scopes").isTrue();
    }

    @Test
    void everyConfigChangePublishesTheValueInForceUnderTheCatalogueKey() {
        send("config:risk.maxOpenOrders", "k1", ADMIN, TestCommands.config("risk.maxOpenOrders", 100L));
        send("config:risk.maxOpenOrders", "k2", ADMIN, TestCommands.config("risk.maxOpenOrders", 200L));
        send("config:risk.limitBreachAction", "k3", ADMIN,
                new UpdateConfig("risk.limitBreachAction", "PAUSE_TENANT", "stricter"));
        send("config:risk.priceBandPercent", "k4", ADMIN, TestCommands.config("risk.priceBandPercent", 2.5));
        send("config:features.backtest.enabled", "k5", ADMIN, TestCommands.config("features.backtest.enabled", true));

        assertThat(harness.configState.readKeyValuesToList()).containsExactly(
                KeyValue.pair("risk.maxOpenOrders", setting("risk.maxOpenOrders", 100L, 1, "tuning", "k1")),
                KeyValue.pair("risk.maxOpenOrders", setting("risk.maxOpenOrders", 200L, 2, "tuning", "k2")),
                KeyValue.pair("risk.limitBreachAction",
                        setting("risk.limitBreachAction", "PAUSE_TENANT", 1, "stricter", "k3")),
                KeyValue.pair("risk.priceBandPercent", setting("risk.priceBandPercent", 2.5, 1, "tuning", "k4")),
                KeyValue.pair("features.backtest.enabled",
                        setting("features.backtest.enabled", true, 1, "tuning", "k5")));
        assertThat(harness.profileState.isEmpty()).isTrue();
        assertThat(harness.state.isEmpty()).isTrue();
    }

    @Test
    void rejectedRepeatedAndNoOpCommandsWriteNothingToTheStateTopics() {
        send(PROFILE, "cp", customer("u1"), TestCommands.createProfile("u1", "p1"));
        send(PROFILE, "ep", customer("u1"), TestCommands.enableProfile("u1", "p1"));
        send("config:risk.maxOpenOrders", "k1", ADMIN, TestCommands.config("risk.maxOpenOrders", 100L));
        assertThat(harness.profileState.readValuesToList()).hasSize(2);
        assertThat(harness.configState.readValuesToList()).hasSize(1);
        harness.outcomes.readValuesToList();

        send(PROFILE, "cp", customer("u1"), TestCommands.createProfile("u1", "p1"));
        send(PROFILE, "again", customer("u1"), TestCommands.createProfile("u1", "p1"));
        send(PROFILE, "ep2", customer("u1"), TestCommands.enableProfile("u1", "p1"));
        send(PROFILE, "foreign", customer("u2"), new DisableProfile("p1", "u1", "not mine"));
        send("profile:u1:ghost", "ghost", customer("u1"), TestCommands.enableProfile("u1", "ghost"));
        send("config:risk.maxOpenOrders", "k1", ADMIN, TestCommands.config("risk.maxOpenOrders", 100L));
        send("config:risk.maxOpenOrders", "same", ADMIN, TestCommands.config("risk.maxOpenOrders", 100L));
        send("config:risk.maxOpenOrders", "range", ADMIN, TestCommands.config("risk.maxOpenOrders", 0L));
        send("config:risk.maxOpenOrders", "cust", customer("u1"), TestCommands.config("risk.maxOpenOrders", 7L));
        send("config:no.such.key", "unknown", ADMIN, TestCommands.config("no.such.key", 1L));
        harness.commands.pipeInput(PROFILE, TestCommands.unsigned("forged", ADMIN, T0,
                new DisableProfile("p1", "u1", "forged")));
        send("global", "pause", OPERATOR, TestCommands.pause("global", "auction", null));

        assertThat(harness.outcomes.readValuesToList()).extracting(CommandOutcome::getCommandId,
                        o -> o.getStatus() == OutcomeStatus.ACCEPTED ? "ACCEPTED" : o.getCode())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("cp", "ACCEPTED"),
                        org.assertj.core.groups.Tuple.tuple("again", "ALREADY_EXISTS"),
                        org.assertj.core.groups.Tuple.tuple("ep2", "ACCEPTED"),
                        org.assertj.core.groups.Tuple.tuple("foreign", "TENANT_MISMATCH"),
                        org.assertj.core.groups.Tuple.tuple("ghost", "NOT_FOUND"),
                        org.assertj.core.groups.Tuple.tuple("k1", "ACCEPTED"),
                        org.assertj.core.groups.Tuple.tuple("same", "ACCEPTED"),
                        org.assertj.core.groups.Tuple.tuple("range", "VALIDATION_FAILED"),
                        org.assertj.core.groups.Tuple.tuple("cust", "FORBIDDEN"),
                        org.assertj.core.groups.Tuple.tuple("unknown", "UNKNOWN_CONFIG_KEY"),
                        org.assertj.core.groups.Tuple.tuple("forged", "UNAUTHENTICATED_COMMAND"),
                        org.assertj.core.groups.Tuple.tuple("pause", "ACCEPTED"));
        assertThat(harness.profileState.isEmpty()).isTrue();
        assertThat(harness.configState.isEmpty()).isTrue();
    }

    @Test
    void profilesAndSettingsThatPredateTheTopicsArePublishedOnceAtStart() {
        // Stores as an older version left them: aggregates with state, none of it on the new topics.
        Provenance created = new Provenance("cust-u1", T0.minusSeconds(86_400), "old-1", null);
        Provenance enabledBy = new Provenance("cust-u1", T0.minusSeconds(3_600), "old-2", "go");
        Provenance setBy = new Provenance("adam", T0.minusSeconds(60), "old-3", "tuning");
        KeyValueStore<String, ProfileState> profiles = harness.driver.getKeyValueStore(StoreNames.PROFILE_STATES);
        KeyValueStore<String, ConfigState> configs = harness.driver.getKeyValueStore(StoreNames.CONFIG_STATES);
        profiles.put(PROFILE, new ProfileState("u1", "p1", 2, true, "profile p1", true, enabledBy));
        profiles.put("profile:u2:p9", new ProfileState("u2", "p9", 1, true, "profile p9", false, created));
        configs.put("config:risk.maxOpenOrders", new ConfigState("risk.maxOpenOrders", 4, ConfigValue.of(50L), setBy));

        harness.driver.advanceWallClockTime(TopologySettings.DEFAULT_EXPIRY_SCAN_INTERVAL);

        assertThat(harness.profileState.readKeyValuesToMap()).containsOnly(
                org.assertj.core.api.Assertions.entry(PROFILE, new ProfileStatus("u1", "p1", "profile p1", true, 2L,
                        "go", "cust-u1", T0.minusSeconds(3_600), "old-2")),
                org.assertj.core.api.Assertions.entry("profile:u2:p9", new ProfileStatus("u2", "p9", "profile p9",
                        false, 1L, null, "cust-u1", T0.minusSeconds(86_400), "old-1")));
        assertThat(harness.configState.readKeyValuesToList()).containsExactly(KeyValue.pair("risk.maxOpenOrders",
                new ConfigSetting("risk.maxOpenOrders", 50L, 4L, "tuning", "adam", T0.minusSeconds(60), "old-3")));
        assertThat(harness.events.isEmpty()).as("publishing state is not a change").isTrue();
        assertThat(harness.audit.isEmpty()).isTrue();

        harness.driver.advanceWallClockTime(Duration.ofSeconds(5));
        send(PROFILE, "dp", OPERATOR, new DisableProfile("p1", "u1", "risk review"));

        assertThat(harness.profileState.readKeyValuesToList()).as("once, then only changes").containsExactly(
                KeyValue.pair(PROFILE, new ProfileStatus("u1", "p1", "profile p1", false, 3L, "risk review", "olga",
                        T0.plusSeconds(5).plus(TopologySettings.DEFAULT_EXPIRY_SCAN_INTERVAL), "dp")));
        assertThat(harness.configState.isEmpty()).isTrue();
    }

    @Test
    void onlyStatesMissingFromTheirTopicOrOutdatedThereAreCaughtUp() {
        Provenance created = new Provenance("cust-u1", T0.minusSeconds(600), "old-1", null);
        Provenance enabledBy = new Provenance("cust-u1", T0.minusSeconds(60), "old-2", "go");
        KeyValueStore<String, ProfileState> profiles = harness.driver.getKeyValueStore(StoreNames.PROFILE_STATES);
        profiles.put("profile:u1:same", new ProfileState("u1", "same", 1, true, "same", false, created));
        profiles.put("profile:u1:behind", new ProfileState("u1", "behind", 2, true, "behind", true, enabledBy));
        profiles.put("profile:u1:missing", new ProfileState("u1", "missing", 1, true, "missing", false, created));
        // What the topic already holds (read into the global store before any task starts).
        KeyValueStore<String, ProfileStatus> onTopic = harness.driver.getKeyValueStore(StoreNames.PROFILE_STATE_VIEW);
        onTopic.put("profile:u1:same", new ProfileStatus("u1", "same", "same", false, 1L, null, "cust-u1",
                T0.minusSeconds(600), "old-1"));
        onTopic.put("profile:u1:behind", new ProfileStatus("u1", "behind", "behind", false, 1L, null, "cust-u1",
                T0.minusSeconds(600), "old-1"));

        harness.driver.advanceWallClockTime(TopologySettings.DEFAULT_EXPIRY_SCAN_INTERVAL);

        assertThat(harness.profileState.readKeyValuesToMap()).containsOnlyKeys("profile:u1:behind",
                "profile:u1:missing");
    }

    private void send(String key, String commandId, Actor actor, Object payload) {
        harness.commands.pipeInput(key, envelope(commandId, actor, T0, payload));
    }

    private static ProfileStatus profile(long version, boolean enabled, String reason, String setBy, Instant at,
                                         String commandId) {
        return new ProfileStatus("u1", "p1", "profile p1", enabled, version, reason, setBy, at, commandId);
    }

    private static ConfigSetting setting(String key, Object value, long version, String reason, String commandId) {
        return new ConfigSetting(key, value, version, reason, "adam", T0, commandId);
    }
}
