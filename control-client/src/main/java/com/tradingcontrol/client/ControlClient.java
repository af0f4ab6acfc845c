package com.tradingcontrol.client;

import com.tradingcontrol.client.internals.DefaultControlClient;

import java.time.Duration;

/**
 * A trading engine's local copy of the platform's control state. It reads the compacted topics
 * {@code trading.control-state}, {@code trading.profile-state} and {@code trading.config-state}
 * from the beginning (by assignment, no consumer group, {@code isolation.level=read_committed}),
 * keeps reading, and answers from memory:
 *
 * <pre>{@code
 * try (ControlClient client = ControlClient.start(ControlClientConfig.fromLocalJson(path).build())) {
 *     if (!client.awaitReady(Duration.ofSeconds(30))) { ... not caught up: every decision is HALTED ... }
 *     Decision d = client.decide("t1", "p1", "AAPL");
 *     if (d.mayOpen()) { ... }
 * }
 * }</pre>
 *
 * <p><b>Fails closed.</b> When the client cannot confirm it has read everything committed to the
 * topics within its lease ({@link ControlClientConfig#lease()}, default 5 s) — broker unreachable,
 * reader thread dead, an undecodable record — every decision is {@code HALTED} with a cause of kind
 * {@link DecisionCause.Kind#STALE}, until it is caught up again. Listeners hear both transitions.
 *
 * <p><b>Fast halts.</b> The client also reads {@code trading.halt-signals}, where the platform
 * announces a restricting command (kill switch, pause, reduce-only, maintenance) before its
 * exactly-once processing commits it. {@link #decide} applies such a signal at once, merged with the
 * state (most restrictive wins), as a cause with {@link DecisionCause#pending()} set; once the state
 * shows the command decided, the state alone counts. A signal the platform rejects (seen on
 * {@code trading.command-outcomes}) or does not decide by its {@code decideBy} is retracted, and
 * listeners hear {@link ControlClientListener#onHaltRetracted}. Only restrictions travel this way:
 * anything that loosens trading comes only from the committed state. See
 * {@link ControlClientConfig#fastHalts()}.
 *
 * <p><b>Engine reports.</b> With an {@link ControlClientConfig#engineId() engine id} configured,
 * the client publishes heartbeats and an APPLIED report for every change it applied (a signal, a
 * state record, a retraction) to {@code trading.engine-reports}, from a producer and thread of its
 * own; publishing never blocks or fails a decision (failures are counted in {@link #health()}).
 *
 * <p>Thread-safe: {@link #decide} reads an immutable snapshot swapped atomically, so it neither
 * locks nor does I/O. Kafka reconnects by itself; failures of the reader are logged and counted
 * ({@link #health()}).
 */
public interface ControlClient extends AutoCloseable {

    /**
     * Starts a client: creates its Kafka consumer and reader thread and returns at once; call
     * {@link #awaitReady(Duration)} before trusting decisions (until then they are HALTED/STALE).
     */
    static ControlClient start(ControlClientConfig config) {
        return DefaultControlClient.start(config);
    }

    /**
     * Waits until the client has read the state topics to their end once.
     *
     * @return true when ready, false if {@code timeout} passed first
     * @throws InterruptedException if interrupted while waiting
     */
    boolean awaitReady(Duration timeout) throws InterruptedException;

    /**
     * The decision for a profile of a tenant trading a symbol, from memory (no I/O). A timed control
     * whose {@code expiresAt} is at or before the client clock's now is ignored.
     *
     * @param tenantId  the tenant (nullable: only global and symbol scopes apply)
     * @param profileId the tenant's profile (nullable: no profile state and strategy scope considered)
     * @param symbol    the instrument (nullable; case-insensitive)
     * @throws IllegalArgumentException if an id is malformed, or a profile is named without its tenant
     */
    Decision decide(String tenantId, String profileId, String symbol);

    /** True while decisions are HALTED/STALE (before the first catch-up too). */
    boolean isStale();

    /**
     * A config key's value with provenance: the platform's setting, else the catalogue default.
     *
     * @throws ConfigKeyException ({@code UNKNOWN_KEY}) if neither the catalogue nor the platform knows it
     */
    ConfigEntry config(String key);

    /** A BOOLEAN key's value. @throws ConfigKeyException if unknown or not BOOLEAN */
    boolean booleanConfig(String key);

    /** A LONG key's value. @throws ConfigKeyException if unknown or not LONG */
    long longConfig(String key);

    /** A DOUBLE key's value (a LONG key's value widened). @throws ConfigKeyException if unknown or not numeric */
    double doubleConfig(String key);

    /** A STRING or ENUM key's value. @throws ConfigKeyException if unknown or not a string */
    String stringConfig(String key);

    /** Every key the catalogue or the platform knows, in no particular order. */
    java.util.Set<String> configKeys();

    /** Registers a listener; returns a handle whose {@code close()} removes it. */
    AutoCloseable addListener(ControlClientListener listener);

    /** How the reader is doing. */
    ClientHealth health();

    /** Stops the reader and the listener thread and closes the consumer. Idempotent; decisions after it are HALTED/STALE. */
    @Override
    void close();
}
