package com.tradingcontrol.client.internals;

import com.tradingcontrol.client.ClientHealth;
import com.tradingcontrol.client.ConfigEntry;
import com.tradingcontrol.client.ControlClient;
import com.tradingcontrol.client.ControlClientConfig;
import com.tradingcontrol.client.ControlClientListener;
import com.tradingcontrol.client.Decision;
import com.tradingcontrol.domain.ConfigValue;
import com.tradingcontrol.domain.config.ConfigCatalogueLoader;
import com.tradingcontrol.schemas.registry.CachingSchemaRegistryClient;
import com.tradingcontrol.schemas.registry.RestRegistryConfig;
import com.tradingcontrol.schemas.registry.RestSchemaRegistryClient;
import com.tradingcontrol.schemas.registry.SchemaRegistryClient;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** The {@link ControlClient}: wires the reader, the snapshot, the lease and the listener bus. */
public final class DefaultControlClient implements ControlClient {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultControlClient.class);

    private final Lease lease;
    private final StateReader reader;
    private final Thread readerThread;
    private final ListenerBus bus;
    private final DecisionMaker decisions;
    private final ConfigResolver configs;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final FastHalts fastHalts;
    private final EngineReporter reporter;
    private final AppliedReports reports;
    private volatile StateSnapshot view = StateSnapshot.EMPTY;
    private volatile HaltOverlay halts = HaltOverlay.EMPTY;
    private volatile boolean closed;

    DefaultControlClient(ControlClientConfig config, Consumer<String, byte[]> consumer, SchemaRegistryClient registry,
                         LongSupplier ticker) {
        this(config, consumer, null, registry, ticker);
    }

    /** @param reportProducer null: no engine reports (also when no engine id is configured) */
    DefaultControlClient(ControlClientConfig config, Consumer<String, byte[]> consumer,
                         Producer<String, byte[]> reportProducer, SchemaRegistryClient registry, LongSupplier ticker) {
        SchemaRegistryClient cached = CachingSchemaRegistryClient.of(registry);
        this.fastHalts = config.fastHalts() ? new FastHalts(cached) : null;
        this.reporter = reportProducer == null || config.engineId() == null ? null
                : new EngineReporter(config, reportProducer, cached,
                        () -> new EngineReporter.Status(isStale(), view.viewVersion()));
        this.reports = reporter == null ? null : new AppliedReports(reporter, config.clock());
        this.lease = new Lease(config.lease().toNanos(), ticker);
        this.decisions = new DecisionMaker(config.clock());
        this.configs = new ConfigResolver(ConfigCatalogueLoader.loadDefault());
        Duration tick = ReaderTimings.forLease(config.lease()).checkInterval().dividedBy(2);
        this.bus = new ListenerBus("control-client-events-" + config.clientId(), tick, this::staleReason,
                () -> view, config.clock());
        this.reader = new StateReader(consumer, new RecordDecoder(cached), lease,
                ReaderTimings.forLease(config.lease()), this::publish, () -> bus.afterLeaseCheck(ready::countDown),
                new StateReader.FastPath(fastHalts, config.clock(), config.haltSignalLookback(), this::publishHalts));
        this.readerThread = new Thread(reader, "control-client-reader-" + config.clientId());
        readerThread.setDaemon(true);
    }

    /** Creates the consumer and registry client from {@code config} and starts reading. */
    public static DefaultControlClient start(ControlClientConfig config) {
        SchemaRegistryClient registry = config.schemaRegistry() != null ? config.schemaRegistry()
                : new RestSchemaRegistryClient(new RestRegistryConfig(config.schemaRegistryUrl(),
                        RestRegistryConfig.DEFAULT_CONNECT_TIMEOUT, RestRegistryConfig.DEFAULT_REQUEST_TIMEOUT));
        KafkaConsumer<String, byte[]> consumer = ConsumerSettings.create(config);
        Producer<String, byte[]> producer = config.engineId() == null ? null : ProducerSettings.create(config);
        DefaultControlClient client = new DefaultControlClient(config, consumer, producer, registry, System::nanoTime);
        client.startReading();
        return client;
    }

    /** Starts the lease watch and the reader thread (separate from the constructor so both see a wired client). */
    void startReading() {
        bus.start();
        readerThread.start();
        if (reporter != null) {
            reporter.start();
        }
    }

    /** Reader thread: the new snapshot first, then (in settling) the overlay; see {@link #decide}. */
    private void publish(StateSnapshot snapshot, ChangeSet changes) {
        view = snapshot;
        bus.changed(changes);
        if (reports != null && lease.everConfirmed()) { // not the initial catch-up: heartbeats carry its version
            reports.stateApplied(snapshot, halts, changes);
        }
    }

    /** Reader thread, after {@link #publish}: swaps in the pending fast halts and announces changes. */
    private void publishHalts(FastHalts.Changes changes) {
        halts = changes.overlay();
        StateSnapshot snapshot = view;
        bus.haltsChanged(changes, snapshot.viewVersion());
        changes.applied().forEach(h -> LOG.info("fast halt {} applied on {} ({} by {}: {})", h.commandId(),
                h.scope(), h.kind(), h.actor(), h.reason()));
        changes.retracted().forEach(r -> LOG.warn("fast halt {} on {} retracted: {}", r.halt().commandId(),
                r.halt().scope(), r.why()));
        if (reports != null) {
            reports.haltsApplied(snapshot, changes);
        }
    }

    @Override
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toNanos(), TimeUnit.NANOSECONDS) && lease.everConfirmed();
    }

    @Override
    public Decision decide(String tenantId, String profileId, String symbol) {
        // The overlay before the view: the reader swaps the view first and only then drops halts the
        // new view confirms, so an overlay without a halt is always read with a view that holds it.
        HaltOverlay pending = halts;
        StateSnapshot snapshot = view;
        return decisions.decide(snapshot, pending, staleReason(snapshot), tenantId, profileId, symbol);
    }

    @Override
    public boolean isStale() {
        return staleReason() != null;
    }

    private String staleReason() {
        return staleReason(view);
    }

    /** Null when fresh. Read on every decision: a few volatile reads, no allocation when fresh. */
    private String staleReason(StateSnapshot snapshot) {
        if (!lease.isStale() && snapshot.undecodable() == 0) {
            return null;
        }
        if (closed) {
            return "client closed";
        }
        if (!reader.isAlive()) {
            return "reader thread ended (see the log)";
        }
        if (!lease.everConfirmed()) {
            return "not caught up with the state topics yet";
        }
        if (snapshot.undecodable() > 0) {
            return snapshot.undecodable() + " undecodable record(s) on the state topics (see the log)";
        }
        return "not confirmed caught up for " + lease.sinceConfirmedNanos() / 1_000_000 + " ms (lease "
                + lease.leaseNanos() / 1_000_000 + " ms)";
    }

    @Override
    public ConfigEntry config(String key) {
        StateSnapshot snapshot = view;
        return configs.entry(snapshot, staleReason(snapshot) != null, key);
    }

    @Override
    public boolean booleanConfig(String key) {
        return ConfigResolver.typed(config(key), ConfigValue.BoolValue.class).value();
    }

    @Override
    public long longConfig(String key) {
        return ConfigResolver.typed(config(key), ConfigValue.LongValue.class).value();
    }

    @Override
    public double doubleConfig(String key) {
        return ConfigResolver.typed(config(key), ConfigValue.DoubleValue.class).value();
    }

    @Override
    public String stringConfig(String key) {
        return ConfigResolver.typed(config(key), ConfigValue.StringValue.class).value();
    }

    @Override
    public Set<String> configKeys() {
        return configs.keys(view);
    }

    @Override
    public AutoCloseable addListener(ControlClientListener listener) {
        return bus.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public ClientHealth health() {
        StateSnapshot snapshot = view;
        long since = lease.sinceConfirmedNanos();
        return new ClientHealth(lease.everConfirmed(), staleReason(snapshot) != null,
                since < 0 ? null : Duration.ofNanos(since), reader.pollErrors(), reader.undecodableRecords(),
                reader.isAlive(), snapshot.viewVersion(), halts.size(), reader.haltsRetracted(),
                reader.undecodableSignals(), reporter == null ? 0 : reporter.sent(),
                reporter == null ? 0 : reporter.failed());
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        lease.revoke();
        try {
            if (!reader.stop(Duration.ofSeconds(5))) {
                LOG.warn("control client reader did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            bus.close();
            if (reporter != null) {
                reporter.close();
            }
        }
    }
}
