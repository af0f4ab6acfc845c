package com.tradingcontrol.api.fold;

import com.tradingcontrol.api.push.ControlStateView;
import com.tradingcontrol.api.push.ScopeState;
import com.tradingcontrol.api.reads.ConfigEntries;
import com.tradingcontrol.api.reads.ProfilesResource;
import com.tradingcontrol.api.reads.TradingControlResource;
import com.tradingcontrol.codec.EventMapper;
import com.tradingcontrol.domain.AggregateState;
import com.tradingcontrol.domain.TradingDomain;
import com.tradingcontrol.processors.topology.ControlPlaneTopology;
import com.tradingcontrol.processors.topology.StreamsSettings;
import com.tradingcontrol.processors.topology.TopologySettings;
import com.tradingcontrol.projections.projector.ContainerNames;
import com.tradingcontrol.projections.projector.DocumentWriter;
import com.tradingcontrol.projections.projector.EventFolding;
import com.tradingcontrol.projections.rebuild.ActiveProjection;
import com.tradingcontrol.projections.rebuild.ProjectionMeta;
import com.tradingcontrol.projections.store.sqlite.SqliteProjectionStore;
import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.avro.ControlState;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.signing.CommandKeys;
import com.tradingcontrol.schemas.signing.CommandSigner;
import com.tradingcontrol.schemas.signing.CommandVerifier;
import com.tradingcontrol.schemas.topics.TopicNames;
import com.tradingcontrol.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The real processors (the whole topology on a TopologyTestDriver) and everything that folds what they
 * write: the domain's own fold of {@code trading.events} (what the processors and {@code /api/state}
 * hold), the projector's documents in a real SQLite projection, and the API's views - the push view
 * fed by {@code trading.control-state} and the read resources on the projection.
 */
final class FoldPipeline implements AutoCloseable {

    private static final String KEY_ID = "fold-parity";
    private static final byte[] KEY = CommandKeys.generate();
    private static final String PREFIX = "fold-";

    private final Topics topics = new Topics(InProcessSchemaRegistry.inMemory(), 3);
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, CommandEnvelope> commands;
    private final TestOutputTopic<String, EventEnvelope> events;
    private final TestOutputTopic<String, ControlState> controlState;
    private final CommandSigner signer = new CommandSigner(KEY_ID, KEY);
    private final SqliteProjectionStore store = SqliteProjectionStore.inMemory();
    private final DocumentWriter writer = new DocumentWriter(store);
    private final ContainerNames names;
    private Instant now;
    private long commandIds;

    /** The domain's fold of every event so far, by aggregate id. */
    final Map<String, AggregateState> domain = new HashMap<>();
    final ActiveProjection projection;
    final ControlStateView pushView;
    final ConfigEntries config;
    final ProfilesResource profiles;
    /** How many events of each payload type were folded (the generator's coverage). */
    final Map<String, Integer> eventTypes = new HashMap<>();

    FoldPipeline(Path stateDir, Instant start) {
        now = start;
        StreamsBuilder builder = new StreamsBuilder();
        ControlPlaneTopology.build(builder, topics,
                TopologySettings.defaults(new CommandVerifier(Map.of(KEY_ID, KEY))));
        driver = new TopologyTestDriver(builder.build(), StreamsSettings.properties("unused:9092", "fold-parity",
                topics, Duration.ofMillis(10), stateDir, 1), start);
        commands = driver.createInputTopic(TopicNames.COMMANDS, new StringSerializer(),
                topics.commands().valueSerde().serializer());
        events = driver.createOutputTopic(TopicNames.EVENTS, new StringDeserializer(),
                topics.events().valueSerde().deserializer());
        controlState = driver.createOutputTopic(TopicNames.CONTROL_STATE, new StringDeserializer(),
                topics.controlState().valueSerde().deserializer());
        new ProjectionMeta(store, PREFIX, Clock.systemUTC()).initialize("fold-parity");
        names = new ContainerNames(PREFIX, 1);
        projection = new ActiveProjection(store, PREFIX, Duration.ofSeconds(1));
        pushView = new ControlStateView(Clock.systemUTC());
        config = new ConfigEntries(projection, TradingDomain.withDefaultCatalogue().catalogue());
        profiles = new ProfilesResource(projection);
    }

    Instant now() {
        return now;
    }

    /** The trading-control resource as it answers at the processors' current (wall-clock) time. */
    TradingControlResource controls() {
        return new TradingControlResource(projection, Clock.fixed(now, ZoneOffset.UTC));
    }

    /** Runs the steps through the processors, then lets every fold take what they wrote. */
    void run(List<RandomHistories.Step> steps) {
        for (RandomHistories.Step step : steps) {
            if (step instanceof RandomHistories.Send send) {
                CommandEnvelope command = CommandEnvelope.newBuilder().setCommandId("c" + (++commandIds))
                        .setRequestId("r" + commandIds).setIssuedAt(now).setActor(send.actor())
                        .setExpectedVersion(null).setPayload(send.payload()).build();
                commands.pipeInput(send.key(), signer.sign(command), now);
            } else {
                Duration wait = ((RandomHistories.Wait) step).duration();
                now = now.plus(wait);
                driver.advanceWallClockTime(wait);
            }
            drain();
        }
    }

    private void drain() {
        for (EventEnvelope event : events.readValuesToList()) {
            String id = event.getAggregateId();
            domain.put(id, TradingDomain.evolve(domain.get(id), EventMapper.recorded(event)));
            writer.apply(names, EventFolding.updateFor(event));
            eventTypes.merge(event.getPayload().getClass().getSimpleName(), 1, Integer::sum);
        }
        controlState.readValuesToList().forEach(state -> pushView.apply(ScopeState.fromAvro(state)));
    }

    @Override
    public void close() {
        driver.close();
        store.close();
    }
}
