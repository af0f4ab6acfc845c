package com.tradingcontrol.api.engines;

import com.tradingcontrol.api.ApiRuntime;
import com.tradingcontrol.api.commands.OutcomeFeed;
import com.tradingcontrol.api.ports.CommandGateway;
import com.tradingcontrol.api.wiring.KafkaClients;
import com.tradingcontrol.api.wiring.KafkaConfig;
import com.tradingcontrol.api.wiring.TopicFollower;
import com.tradingcontrol.domain.engines.EngineFleet;
import com.tradingcontrol.schemas.avro.CommandOutcome;
import com.tradingcontrol.schemas.topics.Topics;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.AutoCloseableManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engines' side of the API: the fast halt path in front of the command bus, and the engine fold's followers. */
public final class EnginesWiring {
    static final String TICK_FAILURES_METRIC = "engines.tick.failed";
    private static final Logger LOG = LoggerFactory.getLogger(EnginesWiring.class);
    /** Signals waiting for the sender thread; more are counted as failed (the command still goes through). */
    private static final int SIGNAL_QUEUE = 1000;
    private static final Duration TICK = Duration.ofMillis(200);
    /** How long the signal producer keeps the topic's metadata without a send: for good, in effect. */
    private static final Duration KEEP_METADATA = Duration.ofDays(365);

    private EnginesWiring() {}

    /**
     * The gateway to submit commands through: {@code commands}, with every restricting command also
     * signalled on {@code trading.halt-signals}. The producer is idempotent and non-transactional
     * (acks=all, linger 0); a signal that is not delivered by its decideBy is worthless, so that bounds its sends.
     * It keeps the topic's metadata however long no halt is sent ({@code metadata.max.idle.ms}), so the
     * first halt after a quiet week does not wait for a metadata fetch; sends still go through one sender
     * thread, since a broker outage can make them block.
     */
    public static CommandGateway haltSignals(CommandGateway commands, KafkaConfig kafka, Topics topics,
                                             EnginesConfig config, Environment environment) {
        Duration decideBy = config.haltDecideBy();
        var producer = KafkaClients.producer(kafka, topics.haltSignals(), decideBy,
                Map.of(ProducerConfig.METADATA_MAX_IDLE_CONFIG, KEEP_METADATA.toMillis()));
        environment.lifecycle().manage(new AutoCloseableManager(() -> producer.close(decideBy)));
        ExecutorService sender = environment.lifecycle().executorService("halt-signals-%d").minThreads(1)
                .maxThreads(1).workQueue(new ArrayBlockingQueue<>(SIGNAL_QUEUE)).build();
        var publisher = new HaltSignalPublisher(producer, topics.haltSignals().name(), decideBy, sender,
                environment.metrics());
        try {
            // Fetched now so that the first halt's send does not wait for metadata.
            producer.partitionsFor(topics.haltSignals().name());
        } catch (RuntimeException e) {
            LOG.warn("No metadata for {} at start-up; the first halt signal fetches it", topics.haltSignals().name(), e);
        }
        return new HaltSignallingGateway(commands, publisher);
    }

    /**
     * The command gateway's follower of {@code trading.command-outcomes} (from the end at start-up) and its
     * feed: the engine fold listens to it for live outcomes instead of running a second consumer of the topic.
     */
    public record SharedOutcomes(TopicFollower<String, CommandOutcome> follower, OutcomeFeed feed) {
    }

    /**
     * Starts the fold, its followers from {@code engines.lookback} ago (engine reports and halt signals; outcomes
     * up to the end as of start-up only, after which the gateway's follower feeds the fold), the resources,
     * pushes and readiness.
     */
    public static EnginesMonitor follow(KafkaConfig kafka, Topics topics, EnginesConfig config, Clock clock,
                                        Environment environment, ApiRuntime runtime, Duration startupTimeout,
                                        PropagationEvidence evidence, SharedOutcomes outcomes) {
        EnginesMonitor monitor = new EnginesMonitor(new EngineFleet(config.fleetSettings()), clock,
                runtime.pushHub()::publishToAdmins, environment.getObjectMapper(), environment.metrics());
        Instant since = clock.instant().minus(config.lookbackDuration());
        // Halts from the first forgetAfter of the window lack the reports from before it: not kept again.
        monitor.keepEvidence(evidence, since.plus(config.fleetSettings().forgetAfter()), environment.metrics());
        var reports = new TopicFollower<>("engine-reports",
                KafkaClients.follower(kafka, "engine-reports", topics.engineReports()), topics.engineReports().name(),
                (key, report) -> monitor.onReport(report), environment.metrics());
        var signals = new TopicFollower<>("halt-signals",
                KafkaClients.follower(kafka, "halt-signals", topics.haltSignals()), topics.haltSignals().name(),
                (key, signal) -> monitor.onSignal(signal), environment.metrics());
        // Live outcomes from the gateway's follower; the window before it from a follower that then stops. Added
        // before the window's end is taken, so no outcome falls between the two (a few may come twice: harmless).
        outcomes.feed().listen(monitor::onOutcome);
        var history = new TopicFollower<>("engine-outcomes",
                KafkaClients.follower(kafka, "engine-outcomes", topics.outcomes()), topics.outcomes().name(),
                new OutcomeFeed().listen(monitor::onOutcome), environment.metrics());
        List<TopicFollower<?, ?>> followers = List.of(reports, signals, history, outcomes.follower());
        monitor.pushOnlyOnce(() -> followers.stream().allMatch(TopicFollower::caughtUp));
        for (TopicFollower<?, ?> follower : List.of(reports, signals)) {
            follower.startFrom(since, startupTimeout);
            environment.lifecycle().manage(new AutoCloseableManager(follower::close));
        }
        history.readWindow(since, startupTimeout);
        environment.lifecycle().manage(new AutoCloseableManager(history::close));
        ScheduledExecutorService ticker = environment.lifecycle().scheduledExecutorService("engines-tick-%d", true)
                .threads(1).build();
        com.codahale.metrics.Counter tickFailures = environment.metrics().counter(TICK_FAILURES_METRIC);
        ticker.scheduleWithFixedDelay(() -> tick(monitor, tickFailures), TICK.toMillis(), TICK.toMillis(),
                TimeUnit.MILLISECONDS);
        environment.jersey().register(new EnginesResource(monitor, config));
        environment.jersey().register(new PropagationResource(monitor));
        runtime.readiness().register(new EnginesReadiness(followers, monitor));
        return monitor;
    }

    /**
     * A failing tick is counted ({@value #TICK_FAILURES_METRIC}), logged, and the next one runs: an exception
     * would otherwise cancel the schedule for good, and staleness and missed halts would stop being flagged.
     */
    private static void tick(EnginesMonitor monitor, com.codahale.metrics.Counter failures) {
        try {
            monitor.tick();
        } catch (RuntimeException e) {
            failures.inc();
            LOG.error("Engine status evaluation failed (counted in {}); retrying on the next tick", TICK_FAILURES_METRIC, e);
        }
    }
}
