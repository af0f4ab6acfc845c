package com.tradingcontrol.api.wiring;

import com.tradingcontrol.api.ApiExtension;
import com.tradingcontrol.api.ApiRuntime;
import com.tradingcontrol.api.CommandsConfig;
import com.tradingcontrol.api.ControlPlaneConfiguration;
import com.tradingcontrol.api.commands.CommandEndpoint;
import com.tradingcontrol.api.commands.CommandFactory;
import com.tradingcontrol.api.commands.CommandStatusResource;
import com.tradingcontrol.api.commands.CommandSubmitter;
import com.tradingcontrol.api.commands.CommandWaits;
import com.tradingcontrol.api.commands.ConfigCommands;
import com.tradingcontrol.domain.config.ConfigCatalogueLoader;
import com.tradingcontrol.api.commands.InternalTradingCommands;
import com.tradingcontrol.api.commands.KafkaCommandGateway;
import com.tradingcontrol.api.commands.GlobalControlCommands;
import com.tradingcontrol.api.commands.TwoPersonCommands;
import com.tradingcontrol.api.commands.IdempotencyKeys;
import com.tradingcontrol.api.commands.OutcomeTracker;
import com.tradingcontrol.api.commands.OutcomeFeed;
import com.tradingcontrol.api.commands.ProfileCommands;
import com.tradingcontrol.api.commands.TradingControlCommands;
import com.tradingcontrol.api.engines.EnginesWiring;
import com.tradingcontrol.api.engines.PropagationEvidence;
import com.tradingcontrol.api.ports.ReadBarrier;
import com.tradingcontrol.api.push.ControlStateFeed;
import com.tradingcontrol.api.push.ControlStateSnapshot;
import com.tradingcontrol.api.push.ControlStateView;
import com.tradingcontrol.schemas.registry.CachingSchemaRegistryClient;
import com.tradingcontrol.schemas.signing.CommandSigner;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.registry.RestRegistryConfig;
import com.tradingcontrol.schemas.registry.RestSchemaRegistryClient;
import com.tradingcontrol.schemas.registry.SchemaRegistryClient;
import com.tradingcontrol.schemas.topics.TopicCreator;
import com.tradingcontrol.schemas.topics.Topics;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.clients.admin.Admin;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The production wiring of the command side: schema registry, topics, the command producer, the
 * outcome and control-state followers, the command resources, the push feed and the readiness
 * checks, all stopped cleanly with the server. Plug it in with
 * {@code new ControlPlaneApplication(List.of(new ApiWiring(...), reads...))}.
 *
 * <p>{@link #controlStateView()} exists from construction on, so a read-side extension can be given
 * it before the server starts.
 */
public final class ApiWiring implements ApiExtension {
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    private final SchemaRegistryClient registryOverride;
    private final Clock clock;
    private final ControlStateView view;
    private final List<ReadBarrier> extraBarriers;
    private PropagationEvidence evidence = PropagationEvidence.NONE;

    /** Registry and everything else from the configuration. */
    public ApiWiring() {
        this(null, Clock.systemUTC(), List.of());
    }

    /**
     * @param registry      a registry to share (e.g. the one-JVM launcher's in-memory one); null = from config
     * @param extraBarriers further read models a waited 200 must wait for (e.g. the projection store)
     */
    public ApiWiring(SchemaRegistryClient registry, Clock clock, List<ReadBarrier> extraBarriers) {
        this.registryOverride = registry;
        this.clock = clock;
        this.view = new ControlStateView(clock);
        this.extraBarriers = List.copyOf(extraBarriers);
    }

    /** Keeps the propagation of every halt in {@code evidence} (e.g. the projection store), not only in memory. */
    public ApiWiring keepingPropagationIn(PropagationEvidence evidence) {
        this.evidence = evidence;
        return this;
    }

    public ControlStateView controlStateView() {
        return view;
    }

    @Override
    public void register(ControlPlaneConfiguration config, Environment environment, ApiRuntime runtime)
            throws Exception {
        KafkaConfig kafka = requireKafka(config);
        CommandsConfig commands = config.getCommands();
        // Loaded first: an unusable key fails the start before anything else is started.
        CommandSigner signer = CommandSigning.signer(commands.getSigning());
        Duration kafkaTimeout = Duration.ofMillis(commands.getKafkaTimeout().toMilliseconds());
        SchemaRegistryClient registry = registry(config);
        if (registryOverride == null && registry instanceof InProcessSchemaRegistry owned) {
            manage(environment, owned::close);
        }
        Topics topics = new Topics(registry, kafka.getPartitions());

        Admin admin = Admin.create(KafkaClients.admin(kafka, STARTUP_TIMEOUT));
        manage(environment, admin::close);
        if (kafka.isCreateTopics()) {
            TopicCreator.createAll(admin, topics, kafka.getReplicationFactor(), STARTUP_TIMEOUT);
        }

        OutcomeTracker tracker = new OutcomeTracker(commands.getOutcomeCacheSize());
        IdempotencyKeys keys = new IdempotencyKeys(commands.getOutcomeCacheSize());
        var producer = KafkaClients.producer(kafka, topics.commands(), kafkaTimeout);
        manage(environment, () -> producer.close(kafkaTimeout));
        KafkaCommandGateway gateway = new KafkaCommandGateway(producer, topics.commands().name(),
                topics.keyedCommands().name(), tracker, kafkaTimeout, signer);

        // The gateway's listeners first; the engine fold adds its own later (EnginesWiring.follow), and its
        // window follower reads what this one read before that.
        OutcomeFeed outcomeFeed = new OutcomeFeed().listen(tracker::record).listen(keys::decided);
        var outcomes = new TopicFollower<>("outcomes", KafkaClients.follower(kafka, "outcomes", topics.outcomes()),
                topics.outcomes().name(), outcomeFeed, environment.metrics());
        ControlStateFeed feed = new ControlStateFeed(view, runtime.pushHub(), environment.getObjectMapper());
        var states = new TopicFollower<>("control-state",
                KafkaClients.follower(kafka, "control-state", topics.controlState()),
                topics.controlState().name(), feed::onRecord, environment.metrics());
        // Snapshots and pushes say when this view skipped records (docs/api.md "Websockets").
        runtime.pushHub().snapshotsFrom(new ControlStateSnapshot(view, environment.getObjectMapper(),
                states.path()::skipped));
        outcomes.start(TopicFollower.Start.END, STARTUP_TIMEOUT);
        manage(environment, outcomes::close);
        states.start(TopicFollower.Start.BEGINNING, STARTUP_TIMEOUT);
        manage(environment, states::close);

        List<ReadBarrier> barriers = new ArrayList<>(extraBarriers);
        barriers.add(0, view);
        // Waiting requests hold no thread: their continuations and read-model polls share these two.
        ScheduledExecutorService waitScheduler = environment.lifecycle()
                .scheduledExecutorService("command-waits-%d", true).threads(2).build();
        CommandWaits waits = CommandWaits.of(Duration.ofMillis(commands.getMaxWait().toMilliseconds()),
                commands.getMaxWaitingPerPrincipal(), barriers, waitScheduler, environment.metrics());
        // Restricting commands also travel the fast halt path (docs/engines.md); the command stays authoritative.
        var signalled = EnginesWiring.haltSignals(gateway, kafka, topics, config.getEngines(), environment);
        CommandSubmitter submitter = new CommandSubmitter(signalled, waits,
                Duration.ofMillis(commands.getRetryAfter().toMilliseconds()));
        registerResources(environment, new CommandEndpoint(new CommandFactory(clock), submitter, keys),
                new CommandStatusResource(tracker, outcomes.path()::skipped));

        Duration readinessTimeout = Duration.ofMillis(config.getReadinessTimeout().toMilliseconds());
        runtime.readiness().register(KafkaReadiness.cluster(admin, readinessTimeout));
        runtime.readiness().register(KafkaReadiness.followers(List.of(outcomes, states)));
        EnginesWiring.follow(kafka, topics, config.getEngines(), clock, environment, runtime, STARTUP_TIMEOUT,
                evidence, new EnginesWiring.SharedOutcomes(outcomes, outcomeFeed));
    }

    private static void registerResources(Environment environment, CommandEndpoint endpoint,
                                          CommandStatusResource status) {
        // docs/api.md promises "Location: /api/commands/{id}"; Jersey would otherwise make it absolute
        // from the Host header, which behind a proxy names the wrong host.
        environment.jersey().property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true);
        environment.jersey().register(new TradingControlCommands(endpoint));
        environment.jersey().register(new InternalTradingCommands(endpoint));
        environment.jersey().register(new GlobalControlCommands(endpoint));
        environment.jersey().register(new TwoPersonCommands(endpoint));
        environment.jersey().register(new ConfigCommands(endpoint, ConfigCatalogueLoader.loadDefault()));
        environment.jersey().register(new ProfileCommands(endpoint));
        environment.jersey().register(status);
    }

    private static KafkaConfig requireKafka(ControlPlaneConfiguration config) {
        KafkaConfig kafka = config.getKafka();
        if (kafka == null || kafka.getBootstrapServers() == null) {
            throw new IllegalStateException("kafka.bootstrapServers is required for the command side");
        }
        return kafka;
    }

    private SchemaRegistryClient registry(ControlPlaneConfiguration config) {
        if (registryOverride != null) {
            return registryOverride;
        }
        SchemaRegistryConfig registry = config.getSchemaRegistry();
        if (registry == null) {
            throw new IllegalStateException("schemaRegistry is required: set schemaRegistry.url or schemaRegistry.inProcessDir");
        }
        if (registry.getUrl() != null) {
            return CachingSchemaRegistryClient.of(new RestSchemaRegistryClient(RestRegistryConfig.of(registry.getUrl().toString())));
        }
        return InProcessSchemaRegistry.persistent(Path.of(registry.getInProcessDir()));
    }

    /** Closes on server stop, in reverse registration order (Dropwizard's lifecycle order). */
    private static void manage(Environment environment, Stopper stopper) {
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() throws Exception {
                stopper.stop();
            }
        });
    }

    @FunctionalInterface
    private interface Stopper {
        void stop() throws Exception;
    }
}
