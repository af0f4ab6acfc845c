package com.tradingcontrol.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingcontrol.domain.ConfigValue;
import com.tradingcontrol.domain.ControlMode;
import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.domain.config.ConfigType;
import com.tradingcontrol.schemas.topics.TopicNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against a real broker: records written to the state topics as the processors write
 * them, decisions and config read back. Tests share one broker, so each uses its own tenants,
 * profiles and symbols; the one that touches the global scope puts it back to ACTIVE.
 */
@Timeout(180) // seconds per test; each takes a few seconds (a client start and catch-up, a few records)
class ControlClientIT extends OnOwnBroker {

    private static final Duration WAIT = StatePlatform.WAIT;

    @Test
    void decidesFromStateWrittenBeforeAndAfterItStarted() throws Exception {
        platform.profile("ta1", "pa1", true, 2, "customer-a", "go");
        platform.control(States.pause("tenant:ta1", 4, "operator-1", "tenant review", null));
        try (ControlClient client = ready(platform.clientConfig())) {
            assertThat(client.isStale()).isFalse();
            Decision paused = client.decide("ta1", "pa1", "aapl");
            assertThat(paused.mode()).isEqualTo(ControlMode.PAUSED);
            assertThat(paused.mayOpen()).isFalse();
            assertThat(paused.mayReduce()).isFalse();
            assertThat(paused.stale()).isFalse();
            assertThat(paused.causes()).containsExactly(new DecisionCause("tenant:ta1", DecisionCause.Kind.PAUSE,
                    ControlMode.PAUSED, "operator-1", States.SET_AT, "tenant review", null, "cmd-operator-1", null, 4));
            long before = paused.viewVersion();
            assertThat(before).isPositive();

            platform.control(States.reduceOnly("symbol:XYZA", 1, "operator-2", "delisting", null));
            platform.controlTombstone(Scope.tenant("ta1"));
            Awaiting.until(client, WAIT, "tenant pause lifted, symbol reduce-only seen",
                    () -> client.decide("ta1", "pa1", "xyza").mode() == ControlMode.REDUCE_ONLY);
            Decision reduceOnly = client.decide("ta1", "pa1", "xyza");
            assertThat(reduceOnly.mayOpen()).isFalse();
            assertThat(reduceOnly.mayReduce()).isTrue();
            assertThat(reduceOnly.causes()).singleElement().satisfies(c -> {
                assertThat(c.scope()).isEqualTo("symbol:XYZA");
                assertThat(c.kind()).isEqualTo(DecisionCause.Kind.REDUCE_ONLY);
                assertThat(c.reason()).isEqualTo("delisting");
            });
            assertThat(reduceOnly.viewVersion()).isGreaterThan(before);
            Decision active = client.decide("ta1", "pa1", "OTHER");
            assertThat(active.mode()).isEqualTo(ControlMode.ACTIVE);
            assertThat(active.mayOpen()).isTrue();
            assertThat(active.causes()).isEmpty();
        }
    }

    @Test
    void aTimedControlStopsApplyingAtItsExpiryAtTheMomentOfTheCall() throws Exception {
        Instant expiry = Instant.parse("2026-06-01T12:00:00Z");
        MutableClock clock = new MutableClock(expiry.minusMillis(1));
        platform.profile("te1", "pe1", true, 1, "customer-e", null);
        platform.control(States.pause("strategy:te1:pe1", 2, "operator-1", "ten minutes", expiry));
        platform.control(States.reduceOnly("symbol:EXPR", 2, "operator-1", "until noon", expiry.plusSeconds(60)));
        try (ControlClient client = ready(platform.clientConfig().clock(clock))) {
            Decision before = client.decide("te1", "pe1", "EXPR");
            assertThat(before.mode()).isEqualTo(ControlMode.PAUSED);
            assertThat(before.causes()).extracting(DecisionCause::kind)
                    .containsExactly(DecisionCause.Kind.PAUSE, DecisionCause.Kind.REDUCE_ONLY);
            assertThat(before.causes().get(0).expiresAt()).isEqualTo(expiry);
            assertThat(before.decidedAt()).isEqualTo(expiry.minusMillis(1));

            java.util.concurrent.CountDownLatch lapseHeard = new java.util.concurrent.CountDownLatch(1);
            client.addListener(new ControlClientListener() {
                @Override
                public void onDecisionsMayHaveChanged(long viewVersion) {
                    lapseHeard.countDown();
                }
            });
            clock.set(expiry); // no record arrives: the lapse is decided at the call
            Decision atExpiry = client.decide("te1", "pe1", "EXPR");
            assertThat(atExpiry.mode()).isEqualTo(ControlMode.REDUCE_ONLY);
            assertThat(atExpiry.viewVersion()).isEqualTo(before.viewVersion());
            assertThat(lapseHeard.await(10, TimeUnit.SECONDS)).as("listeners told of the lapse").isTrue();

            clock.set(expiry.plusSeconds(60));
            assertThat(client.decide("te1", "pe1", "EXPR").mode()).isEqualTo(ControlMode.ACTIVE);
        }
    }

    @Test
    void aStrategyPauseOfOneTenantNeverTouchesTheSameProfileIdOfAnother() throws Exception {
        platform.profile("tenant-a", "pb1", true, 1, "customer-a", null);
        platform.profile("tenant-b", "pb1", true, 1, "customer-b", null);
        platform.control(States.pause("strategy:tenant-b:pb1", 3, "operator-1", "tenant-b strategy pb1 risk breach", null));
        try (ControlClient client = ready(platform.clientConfig())) {
            Decision b = client.decide("tenant-b", "pb1", "AAPL");
            assertThat(b.mode()).isEqualTo(ControlMode.PAUSED);
            assertThat(b.causes()).extracting(DecisionCause::scope, DecisionCause::reason)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("strategy:tenant-b:pb1",
                            "tenant-b strategy pb1 risk breach"));

            Decision a = client.decide("tenant-a", "pb1", "AAPL");
            assertThat(a.mode()).isEqualTo(ControlMode.ACTIVE);
            assertThat(a.causes()).isEmpty();
        }
    }

    @Test
    void disabledAndUnknownProfilesMayOnlyReduce() throws Exception {
        platform.profile("td1", "off", false, 5, "customer-d", "done for today");
        try (ControlClient client = ready(platform.clientConfig())) {
            Decision disabled = client.decide("td1", "off", "AAPL");
            assertThat(disabled.mode()).isEqualTo(ControlMode.REDUCE_ONLY);
            assertThat(disabled.mayReduce()).isTrue();
            assertThat(disabled.causes()).containsExactly(new DecisionCause("strategy:td1:off",
                    DecisionCause.Kind.PROFILE_DISABLED, ControlMode.REDUCE_ONLY, "customer-d",
                    Instant.parse("2026-01-02T00:00:00Z"), "done for today", null, null, null, 5));

            Decision unknown = client.decide("td1", "nobody", "AAPL");
            assertThat(unknown.mode()).isEqualTo(ControlMode.REDUCE_ONLY);
            assertThat(unknown.causes()).extracting(DecisionCause::kind, DecisionCause::scopeVersion)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(DecisionCause.Kind.PROFILE_UNKNOWN, -1L));
            assertThat(client.decide("other-tenant", "off", "AAPL").causes()).extracting(DecisionCause::kind)
                    .containsExactly(DecisionCause.Kind.PROFILE_UNKNOWN);

            platform.profile("td1", "off", true, 6, "customer-d", "back");
            Awaiting.until(client, WAIT, "profile enabled", () -> client.decide("td1", "off", "AAPL").mayOpen());

            platform.profileTombstone("td1", "off");
            Awaiting.until(client, WAIT, "profile removed", () -> client.decide("td1", "off", "AAPL").causes()
                    .stream().anyMatch(c -> c.kind() == DecisionCause.Kind.PROFILE_UNKNOWN));
        }
    }

    @Test
    void theKillSwitchHaltsEverythingAndMaintenancePausesWithItsMessage() throws Exception {
        try (ControlClient client = ready(platform.clientConfig())) {
            platform.control(States.killSwitch(10, "admin-1", "exchange outage"));
            Awaiting.until(client, WAIT, "kill switch", () -> client.decide("tk1", null, "AAPL").mode() == ControlMode.HALTED);
            assertThat(client.decide(null, null, null).causes()).singleElement().satisfies(c -> {
                assertThat(c.kind()).isEqualTo(DecisionCause.Kind.KILL_SWITCH);
                assertThat(c.scope()).isEqualTo("global");
                assertThat(c.setBy()).isEqualTo("admin-1");
                assertThat(c.scopeVersion()).isEqualTo(10);
            });

            platform.control(States.maintenance(11, "admin-1", "back at noon"));
            Awaiting.until(client, WAIT, "maintenance", () -> client.decide("tk1", null, null).mode() == ControlMode.PAUSED);
            assertThat(client.decide("tk1", null, null).causes()).singleElement()
                    .satisfies(c -> assertThat(c.message()).isEqualTo("back at noon"));
        } finally {
            platform.control(States.active("global", 12));
        }
    }

    @Test
    void recordsOfAbortedTransactionsAreNeverSeen() throws Exception {
        try (ControlClient client = ready(platform.clientConfig())) {
            platform.abortedControl(States.pause("tenant:tx-aborted", 1, "intruder", "aborted", null));
            platform.control(States.pause("tenant:tx-marker", 1, "operator-1", "marker", null));
            Awaiting.until(client, WAIT, "marker after the aborted record",
                    () -> client.decide("tx-marker", null, null).mode() == ControlMode.PAUSED);
            assertThat(client.decide("tx-aborted", null, null).mode()).isEqualTo(ControlMode.ACTIVE);
        }
    }

    @Test
    void listenersHearEachChangedScopeProfileAndConfigKey() throws Exception {
        try (ControlClient client = ready(platform.clientConfig())) {
            BlockingQueue<String> heard = new LinkedBlockingQueue<>();
            AutoCloseable registration = client.addListener(new ControlClientListener() {
                @Override
                public void onScopeChanged(String scope) {
                    heard.add("scope " + scope);
                }

                @Override
                public void onProfileChanged(String tenantId, String profileId) {
                    heard.add("profile " + tenantId + "/" + profileId);
                }

                @Override
                public void onConfigChanged(String key) {
                    heard.add("config " + key);
                }

                @Override
                public void onDecisionsMayHaveChanged(long viewVersion) {
                    heard.add("decisions");
                }
            });
            platform.control(States.pause("tenant:tl1", 1, "operator-1", "listen", null));
            assertThat(heard.poll(30, TimeUnit.SECONDS)).isEqualTo("scope tenant:tl1");
            assertThat(heard.poll(30, TimeUnit.SECONDS)).isEqualTo("decisions");
            platform.profile("tl1", "pl1", false, 1, "customer-l", null);
            assertThat(heard.poll(30, TimeUnit.SECONDS)).isEqualTo("profile tl1/pl1");
            assertThat(heard.poll(30, TimeUnit.SECONDS)).isEqualTo("decisions");
            platform.config("features.tabs.marketplace", ConfigValue.of(true), 1, "admin-1");
            assertThat(heard.poll(30, TimeUnit.SECONDS)).isEqualTo("config features.tabs.marketplace");

            registration.close();
            platform.control(States.pause("tenant:tl2", 1, "operator-1", "after removal", null));
            Awaiting.until(client, WAIT, "second pause", () -> client.decide("tl2", null, null).mode() == ControlMode.PAUSED);
            assertThat(heard).as("nothing after the listener was removed").isEmpty();
        }
    }

    @Test
    void configValuesComeFromThePlatformElseTheCatalogueWithProvenance() throws Exception {
        try (ControlClient client = ready(platform.clientConfig())) {
            ConfigEntry byDefault = client.config("risk.maxOpenOrders");
            assertThat(byDefault.source()).isEqualTo(ConfigEntry.Source.CATALOGUE_DEFAULT);
            assertThat(byDefault.type()).isEqualTo(ConfigType.LONG);
            assertThat(byDefault.value()).isEqualTo(ConfigValue.of(500L));
            assertThat(byDefault.version()).isZero();
            assertThat(client.longConfig("risk.maxOpenOrders")).isEqualTo(500);

            platform.config("risk.maxOpenOrders", ConfigValue.of(42L), 3, "admin-7");
            platform.config("risk.priceBandPercent", ConfigValue.of(7L), 1, "admin-7"); // a LONG given for a DOUBLE key
            Awaiting.until(client, WAIT, "config set", () -> client.longConfig("risk.maxOpenOrders") == 42
                    && client.config("risk.priceBandPercent").source() == ConfigEntry.Source.PLATFORM);
            ConfigEntry set = client.config("risk.maxOpenOrders");
            assertThat(set).extracting(ConfigEntry::source, ConfigEntry::version, ConfigEntry::setBy, ConfigEntry::reason,
                            ConfigEntry::commandId, ConfigEntry::stale)
                    .containsExactly(ConfigEntry.Source.PLATFORM, 3L, "admin-7", "because", "cmd-risk.maxOpenOrders", false);
            assertThat(client.doubleConfig("risk.priceBandPercent")).isEqualTo(7.0);
            assertThat(client.doubleConfig("risk.maxOpenOrders")).isEqualTo(42.0);
            assertThat(client.booleanConfig("features.backtest.enabled")).isFalse();
            assertThat(client.configKeys()).contains("risk.maxOpenOrders", "features.backtest.enabled");

            assertThatThrownBy(() -> client.booleanConfig("risk.maxOpenOrders"))
                    .isInstanceOfSatisfying(ConfigKeyException.class, e -> assertThat(e.problem())
                            .isEqualTo(ConfigKeyException.Problem.TYPE_MISMATCH))
                    .hasMessageContaining("risk.maxOpenOrders");
            assertThatThrownBy(() -> client.config("no.such.key"))
                    .isInstanceOfSatisfying(ConfigKeyException.class, e -> assertThat(e.problem())
                            .isEqualTo(ConfigKeyException.Problem.UNKNOWN_KEY));

            platform.configTombstone("risk.maxOpenOrders");
            Awaiting.until(client, WAIT, "back to default", () -> client.longConfig("risk.maxOpenOrders") == 500);
        }
    }

    @Test
    void anUndecodableRecordFailsClosedUntilADecodableOneReplacesIt() throws Exception {
        try (ControlClient client = ready(platform.clientConfig())) {
            platform.garbage(TopicNames.CONTROL_STATE, "tenant:tg1");
            Awaiting.until(client, WAIT, "stale on garbage", client::isStale);
            Decision halted = client.decide("tg-other", null, null);
            assertThat(halted.mode()).isEqualTo(ControlMode.HALTED);
            assertThat(halted.causes().get(0).kind()).isEqualTo(DecisionCause.Kind.STALE);
            assertThat(halted.causes().get(0).reason()).contains("undecodable");
            assertThat(client.health().undecodableRecords()).isEqualTo(1);

            platform.control(States.active("tenant:tg1", 2));
            Awaiting.until(client, WAIT, "fresh once replaced", () -> !client.isStale());
            assertThat(client.decide("tg-other", null, null).mode()).isEqualTo(ControlMode.ACTIVE);
        }
    }

    @Test
    void startsFromTheLaunchersLocalJsonAndReadsSchemasOverTheRegistryRestApi(@TempDir Path dir) throws Exception {
        platform.control(States.pause("tenant:tj1", 1, "operator-1", "from local.json", null));
        try (RegistryHttpStub registry = new RegistryHttpStub(platform.registry)) {
            Path localJson = dir.resolve("local.json");
            Files.writeString(localJson, "{\n  \"api\": \"http://127.0.0.1:1\",\n  \"kafka\": \""
                    + platform.broker.bootstrapServers() + "\",\n  \"schemaRegistry\": \"" + registry.url()
                    + "\",\n  \"tokens\": {}\n}");
            try (ControlClient client = ready(ControlClientConfig.fromLocalJson(localJson))) {
                assertThat(client.decide("tj1", null, null).causes()).extracting(DecisionCause::reason)
                        .containsExactly("from local.json");
                assertThat(registry.schemaLookups.get()).isPositive();
            }
        }
    }

    @Test
    void afterCloseEveryDecisionIsHaltedAndTheReaderHasEnded() throws Exception {
        ControlClient client = ready(platform.clientConfig());
        client.close();
        Decision closed = client.decide("tc1", null, null);
        assertThat(closed.mode()).isEqualTo(ControlMode.HALTED);
        assertThat(closed.causes()).extracting(DecisionCause::reason).containsExactly("client closed");
        assertThat(client.health().readerAlive()).isFalse();
        client.close(); // idempotent
        assertThat(List.of(client.health().stale())).containsExactly(true);
    }
}
