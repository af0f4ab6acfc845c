package com.tradingcontrol.processors.topology;

import static com.tradingcontrol.processors.topology.TestCommands.ADMIN;
import static com.tradingcontrol.processors.topology.TestCommands.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.domain.TradingDomain;
import com.tradingcontrol.schemas.avro.CommandOutcome;
import com.tradingcontrol.schemas.avro.OutcomeStatus;
import com.tradingcontrol.schemas.avro.SetMaintenanceMode;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.topics.Topics;
import java.time.Duration;
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

/** Which commands ask Kafka Streams for an immediate commit (trading-control ones), and how often. */
class CommandProcessorCommitTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration SPACING = Duration.ofMillis(10);

    private MockProcessorContext<String, Emission> context;
    private CommandProcessor processor;
    private int sent;

    @BeforeEach
    void start() {
        context = new MockProcessorContext<>();
        Topics topics = new Topics(InProcessSchemaRegistry.inMemory(), 3);
        ControlPlaneTopology.processorStoreSerdes().forEach(this::addStore);
        addStore(StoreNames.CONTROL_VIEW, topics.controlState().valueSerde());
        addStore(StoreNames.PROFILE_STATE_VIEW, topics.profileState().valueSerde());
        addStore(StoreNames.CONFIG_STATE_VIEW, topics.configState().valueSerde());
        context.setCurrentSystemTimeMs(T0.toEpochMilli());
        processor = new CommandProcessor(new TopologySettings(TradingDomain.withDefaultCatalogue(),
                TopologySettings.DEFAULT_EXPIRY_SCAN_INTERVAL, SPACING, TestCommands.VERIFIER));
        processor.init(context);
    }

    @Test
    void everyTradingControlChangeAsksForACommitAtOnce() {
        assertThat(commitAfter("symbol:AAPL", TestCommands.pause("symbol:AAPL", "news", null))).isTrue();
        later();
        assertThat(commitAfter("symbol:AAPL", TestCommands.resume("symbol:AAPL", "clear"))).isTrue();
        later();
        assertThat(commitAfter("global", TestCommands.engage("outage"))).isTrue();
        later();
        assertThat(commitAfter("global", TestCommands.release("fixed"))).isTrue();
        later();
        assertThat(commitAfter("global", new SetMaintenanceMode(true, "upgrade", "planned", null))).isTrue();
        later();
        assertThat(commitAfter("global", new SetMaintenanceMode(false, "", "done", null))).isTrue();
    }

    @Test
    void configAndProfileChangesWaitForTheCommitInterval() {
        assertThat(commitAfter("config:features.backtest.enabled",
                TestCommands.config("features.backtest.enabled", true))).isFalse();
        later();
        assertThat(commitAfter("profile:t1:p1", TestCommands.createProfile("t1", "p1"))).isFalse();
    }

    @Test
    void aRejectedControlCommandIsAnsweredAtOnceToo() {
        context.resetCommit();
        processor.process(new Record<>("global", envelope("c-rejected", TestCommands.customer("t1"), T0,
                TestCommands.pause("global", "I want to", null)), T0.toEpochMilli()));
        assertThat(lastOutcome().getStatus()).isEqualTo(OutcomeStatus.REJECTED);
        assertThat(context.committed()).isTrue();
    }

    @Test
    void aRetriedControlCommandGetsItsStoredOutcomeAtOnce() {
        Record<String, com.tradingcontrol.schemas.avro.CommandEnvelope> pause = new Record<>("symbol:A",
                envelope("c-retried", ADMIN, T0, TestCommands.pause("symbol:A", "news", null)), T0.toEpochMilli());
        processor.process(pause);
        CommandOutcome first = lastOutcome();
        later();
        context.resetCommit();
        processor.process(pause.withTimestamp(context.currentSystemTimeMs()));
        assertThat(lastOutcome()).isEqualTo(first);
        assertThat(context.committed()).isTrue();
    }

    @Test
    void anExpiredPauseIsPublishedAtOnce() {
        commitAfter("symbol:A", TestCommands.pause("symbol:A", "news", T0.plusSeconds(1)));
        MockProcessorContext.CapturedPunctuator expiryScan = context.scheduledPunctuators().get(0);

        context.resetCommit();
        expiryScan.getPunctuator().punctuate(T0.toEpochMilli() + 500);
        assertThat(context.committed()).as("nothing expired yet").isFalse();

        expiryScan.getPunctuator().punctuate(T0.toEpochMilli() + 1_000);
        assertThat(context.forwarded()).anySatisfy(f -> assertThat(f.record().value())
                .isInstanceOfSatisfying(Emission.Event.class, e -> assertThat(e.value().getPayload())
                        .isInstanceOf(com.tradingcontrol.schemas.avro.PauseExpired.class)));
        assertThat(context.committed()).isTrue();
    }

    @Test
    void controlChangesWithinOneSpacingShareOneCommit() {
        assertThat(commitAfter("symbol:A", TestCommands.pause("symbol:A", "news", null))).isTrue();
        context.setCurrentSystemTimeMs(T0.toEpochMilli() + SPACING.toMillis() - 1);
        assertThat(commitAfter("symbol:B", TestCommands.pause("symbol:B", "news", null))).isFalse();
        context.setCurrentSystemTimeMs(T0.toEpochMilli() + SPACING.toMillis());
        assertThat(commitAfter("symbol:C", TestCommands.pause("symbol:C", "news", null))).isTrue();
    }

    @Test
    void behindABacklogCommitsSpaceOutByHowLongTheCommandQueued() {
        long t = T0.toEpochMilli() + 1_000;
        context.setCurrentSystemTimeMs(t);
        assertThat(commitAfter("symbol:A", TestCommands.pause("symbol:A", "news", null), t - 5)).isTrue();
        // Queued 80 ms: another commit only 80 ms after the last one, not after the 10 ms spacing.
        context.setCurrentSystemTimeMs(t + 50);
        assertThat(commitAfter("symbol:B", TestCommands.pause("symbol:B", "news", null), t - 30)).isFalse();
        context.setCurrentSystemTimeMs(t + 79);
        assertThat(commitAfter("symbol:C", TestCommands.pause("symbol:C", "news", null), t - 1)).isFalse();
        context.setCurrentSystemTimeMs(t + 80);
        assertThat(commitAfter("symbol:D", TestCommands.pause("symbol:D", "news", null), t)).isTrue();
        // Drained: back to the spacing.
        context.setCurrentSystemTimeMs(t + 80 + SPACING.toMillis());
        assertThat(commitAfter("symbol:E", TestCommands.pause("symbol:E", "news", null))).isTrue();
    }

    @Test
    void cachedStatesAndChainHeadFollowEveryWrite() {
        commitAfter("symbol:A", TestCommands.pause("symbol:A", "news", null));
        commitAfter("symbol:A", TestCommands.resume("symbol:A", "clear"));
        commitAfter("symbol:A", TestCommands.pause("symbol:A", "again", null));
        assertThat(lastOutcome().getResultingVersion()).isEqualTo(3L);
        KeyValueStore<String, com.tradingcontrol.domain.control.ControlState> control =
                context.getStateStore(StoreNames.CONTROL_STATES);
        assertThat(control.get("symbol:A").version()).isEqualTo(3L);
        KeyValueStore<String, com.tradingcontrol.codec.audit.ChainHead> heads =
                context.getStateStore(StoreNames.AUDIT_CHAIN_HEADS);
        assertThat(heads.get("chain-0").sequence()).isEqualTo(3L);
    }

    /** Processes a command produced just now; true if it asked for a commit. */
    private boolean commitAfter(String key, Object payload) {
        return commitAfter(key, payload, context.currentSystemTimeMs());
    }

    private boolean commitAfter(String key, Object payload, long producedAtMs) {
        context.resetCommit();
        processor.process(new Record<>(key, envelope("c" + (++sent), ADMIN, T0, payload), producedAtMs));
        assertThat(lastOutcome().getStatus()).as("outcome of %s", payload).isEqualTo(OutcomeStatus.ACCEPTED);
        return context.committed();
    }

    private void later() {
        context.setCurrentSystemTimeMs(context.currentSystemTimeMs() + SPACING.toMillis());
    }

    private CommandOutcome lastOutcome() {
        List<MockProcessorContext.CapturedForward<? extends String, ? extends Emission>> forwarded = context.forwarded();
        Emission last = forwarded.get(forwarded.size() - 1).record().value();
        return ((Emission.Outcome) last).value();
    }

    private <V> void addStore(String name, Serde<V> valueSerde) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                Serdes.String(), valueSerde).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }
}
