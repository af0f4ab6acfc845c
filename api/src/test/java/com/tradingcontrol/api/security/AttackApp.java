package com.tradingcontrol.api.security;

import com.tradingcontrol.api.ApiExtension;
import com.tradingcontrol.api.ControlPlaneConfiguration;
import com.tradingcontrol.api.audit.AuditChainCheck;
import com.tradingcontrol.api.audit.AuditSearchResource;
import com.tradingcontrol.api.audit.AuditVerifyResource;
import com.tradingcontrol.api.audit.ContinuationSeal;
import com.tradingcontrol.api.audit.EventsExport;
import com.tradingcontrol.api.audit.EventsExportResource;
import com.tradingcontrol.api.commands.CommandEndpoint;
import com.tradingcontrol.api.commands.CommandFactory;
import com.tradingcontrol.api.commands.CommandStatusResource;
import com.tradingcontrol.api.commands.CommandSubmitter;
import com.tradingcontrol.api.commands.CommandWaits;
import com.tradingcontrol.api.commands.ConfigCommands;
import com.tradingcontrol.api.commands.GlobalControlCommands;
import com.tradingcontrol.api.commands.IdempotencyKeys;
import com.tradingcontrol.api.commands.InternalTradingCommands;
import com.tradingcontrol.api.commands.OutcomeTracker;
import com.tradingcontrol.api.commands.ProfileCommands;
import com.tradingcontrol.api.commands.TradingControlCommands;
import com.tradingcontrol.api.ports.CommandGateway;
import com.tradingcontrol.api.ports.CommandRequest;
import com.tradingcontrol.api.ports.InMemoryCommandGateway;
import com.tradingcontrol.api.ports.Outcome;
import com.tradingcontrol.api.ports.SubmitResult;
import com.tradingcontrol.api.reads.LogSource;
import com.tradingcontrol.api.reads.TradingControlResource;
import com.tradingcontrol.api.support.TestApps;
import com.tradingcontrol.domain.config.ConfigCatalogueLoader;
import com.tradingcontrol.projections.projector.ContainerNames;
import com.tradingcontrol.projections.projector.DocumentWriter;
import com.tradingcontrol.projections.rebuild.ActiveProjection;
import com.tradingcontrol.projections.rebuild.ProjectionMeta;
import com.tradingcontrol.projections.store.sqlite.SqliteProjectionStore;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The real application for the attack suite, without a broker: the command resources over an
 * in-memory command bus (commands answer 202 and are kept for inspection), the projection reads over
 * an in-memory SQLite projection, and the log reads over a Kafka address nobody listens on (every
 * attack here is refused before the log is read).
 */
final class AttackApp {
    final InMemoryCommandGateway gateway = new InMemoryCommandGateway();
    final OutcomeTracker tracker = new OutcomeTracker(1_000);
    final SqliteProjectionStore store = SqliteProjectionStore.inMemory();
    final String prefix = "attack-";
    final ContainerNames names = new ContainerNames(prefix, 1);
    final DocumentWriter writer = new DocumentWriter(store);
    final ActiveProjection projection;
    /** Continuations of waited commands (one daemon thread, as the application's own wait scheduler). */
    private static final ScheduledExecutorService WAIT_SCHEDULER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "attack-app-waits");
        t.setDaemon(true);
        return t;
    });
    final DropwizardAppExtension<ControlPlaneConfiguration> app;

    AttackApp(ConfigOverride... overrides) {
        new ProjectionMeta(store, prefix, Clock.systemUTC()).initialize("attack-test");
        projection = new ActiveProjection(store, prefix, Duration.ofMillis(100));
        app = TestApps.withRsaKey(extension(), overrides);
    }

    private ApiExtension extension() {
        return (config, environment, runtime) -> {
            CommandWaits waits = CommandWaits.of(Duration.ofSeconds(2), 10, List.of(), WAIT_SCHEDULER,
                    environment.metrics());
            CommandSubmitter submitter = new CommandSubmitter(new TrackedGateway(), waits, Duration.ofSeconds(1));
            CommandEndpoint endpoint = new CommandEndpoint(new CommandFactory(Clock.systemUTC()), submitter,
                    new IdempotencyKeys(1_000));
            var jersey = environment.jersey();
            jersey.register(new TradingControlCommands(endpoint));
            jersey.register(new InternalTradingCommands(endpoint));
            jersey.register(new GlobalControlCommands(endpoint));
            jersey.register(new ConfigCommands(endpoint, ConfigCatalogueLoader.loadDefault()));
            jersey.register(new ProfileCommands(endpoint));
            jersey.register(new CommandStatusResource(tracker, () -> 0));
            jersey.register(new TradingControlResource(projection, Clock.systemUTC()));
            jersey.register(new AuditSearchResource(projection, ContinuationSeal.of(null)));
            LogSource deadLog = LogSource.standard("127.0.0.1:9", InProcessSchemaRegistry.inMemory());
            jersey.register(new AuditVerifyResource(new AuditChainCheck(deadLog)));
            jersey.register(new EventsExportResource(new EventsExport(deadLog, environment.getObjectMapper())));
        };
    }

    /** The in-memory bus, with the submitter recorded the way the Kafka gateway records it. */
    private final class TrackedGateway implements CommandGateway {
        @Override
        public CompletionStage<SubmitResult> submit(CommandRequest request) {
            tracker.submitting(request.commandId(), request.actor());
            tracker.acknowledged(request.commandId());
            return gateway.submit(request);
        }

        @Override
        public Optional<Outcome> outcome(String commandId) {
            return gateway.outcome(commandId);
        }

        @Override
        public CompletionStage<Optional<Outcome>> await(String commandId, Duration timeout) {
            return gateway.await(commandId, timeout);
        }
    }
}
