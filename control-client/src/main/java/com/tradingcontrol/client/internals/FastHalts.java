package com.tradingcontrol.client.internals;

import com.tradingcontrol.domain.Provenance;
import com.tradingcontrol.domain.control.ControlState;
import com.tradingcontrol.schemas.avro.CommandOutcome;
import com.tradingcontrol.schemas.avro.HaltSignal;
import com.tradingcontrol.schemas.avro.OutcomeStatus;
import com.tradingcontrol.schemas.registry.SchemaRegistryClient;
import com.tradingcontrol.schemas.serde.AvroDeserializer;
import com.tradingcontrol.schemas.topics.TopicNames;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fast halt path's bookkeeping, confined to the reader thread. A signal is held from its
 * arrival until one of:
 * <ul>
 *   <li>the published authoritative state at its scope carries a control with its command id, or
 *       the command's ACCEPTED outcome has been seen and that state has reached the outcome's
 *       resulting version (an accepted no-op, or a halt already lifted again): confirmed, the state
 *       alone counts, nothing is announced;</li>
 *   <li>its REJECTED outcome is seen on {@code trading.command-outcomes}: retracted;</li>
 *   <li>its {@code decideBy} passes (client clock) without either: retracted.</li>
 * </ul>
 * Outcomes are filtered by key (the command id) before decoding; those read before their signal
 * (the two topics are fetched independently) are kept, raw, until it arrives — for at most
 * {@link #EARLY_OUTCOME_WINDOW} of reading (and the last 10,000). A signal is published before its
 * command, so only a signal read late (a catch-up at start-up, which reads both topics within moments,
 * or a delayed send) follows its outcome; keeping every outcome of the last 10,000 instead held seconds
 * of all commands' outcomes in every client, which under load was old-generation garbage.
 */
final class FastHalts {

    private static final Logger LOG = LoggerFactory.getLogger(FastHalts.class);
    private static final int REMEMBERED = 10_000;
    /** How long an outcome read before its signal is kept for it (client clock, from the poll that read it). */
    static final Duration EARLY_OUTCOME_WINDOW = Duration.ofSeconds(2);

    /** An outcome read before its signal: the raw record and when its poll returned. */
    private record EarlyOutcome(byte[] value, Instant readAt) {
    }

    /** A halt withdrawn without confirmation, and why. */
    record Retraction(PendingHalt halt, String why) {
    }

    /** What became visible to decide() with one overlay: halts newly applied, halts retracted. */
    record Changes(HaltOverlay overlay, List<PendingHalt> applied, List<Retraction> retracted) {
    }

    private final AvroDeserializer<HaltSignal> signals;
    private final AvroDeserializer<CommandOutcome> outcomes;
    private final Map<String, PendingHalt> pending = new LinkedHashMap<>();
    private final Map<String, CommandOutcome> outcomeOfPending = new HashMap<>();
    private final Map<String, EarlyOutcome> earlyOutcomes = bounded();
    private final Map<String, Boolean> settled = bounded();
    private final List<Retraction> retractions = new ArrayList<>();
    private final AtomicLong undecodable = new AtomicLong();
    private final AtomicLong retracted = new AtomicLong();
    private Set<String> published = Set.of();
    private boolean changed;

    FastHalts(SchemaRegistryClient registry) {
        this.signals = AvroDeserializer.specific(registry, HaltSignal.class);
        this.outcomes = AvroDeserializer.specific(registry, CommandOutcome.class);
    }

    /**
     * A record of {@code trading.halt-signals}. A bad one is logged, counted and skipped: the signal
     * path only ever speeds up a halt, the state topics still decide.
     */
    void signal(byte[] value, Instant receivedAt, Instant now) {
        PendingHalt halt;
        try {
            halt = value == null ? null : PendingHalt.of(signals.deserialize(TopicNames.HALT_SIGNALS, value), receivedAt);
        } catch (SerializationException | IllegalArgumentException e) {
            undecodable.incrementAndGet();
            LOG.error("undecodable halt signal skipped (the state topics still decide)", e);
            return;
        }
        if (halt == null || settled.containsKey(halt.commandId()) || pending.containsKey(halt.commandId())) {
            return;
        }
        if (!now.isBefore(halt.decideBy())) {
            LOG.debug("halt signal {} on {} ignored: its decideBy {} has passed", halt.commandId(), halt.scope(),
                    halt.decideBy());
            return;
        }
        pending.put(halt.commandId(), halt);
        EarlyOutcome early = earlyOutcomes.remove(halt.commandId());
        if (early != null) {
            outcome(halt.commandId(), early.value(), early.readAt());
        }
        changed = true;
    }

    /**
     * A record of {@code trading.command-outcomes} (key: the command id) read by the poll that returned at
     * {@code readAt}; decoded only if it matters.
     */
    void outcome(String commandId, byte[] value, Instant readAt) {
        if (commandId == null || value == null || settled.containsKey(commandId)) {
            return;
        }
        if (!pending.containsKey(commandId)) {
            forgetEarlyOutcomesBefore(readAt.minus(EARLY_OUTCOME_WINDOW));
            earlyOutcomes.put(commandId, new EarlyOutcome(value, readAt));
            return;
        }
        try {
            outcomeOfPending.put(commandId, outcomes.deserialize(TopicNames.COMMAND_OUTCOMES, value));
        } catch (SerializationException e) {
            undecodable.incrementAndGet();
            LOG.error("undecodable outcome of command {} skipped (its halt signal waits for the state or decideBy)",
                    commandId, e);
        }
    }

    /** Confirms or retracts pending halts against the snapshot decide() now reads, at {@code now}. */
    void settle(StateSnapshot view, Instant now) {
        for (Iterator<PendingHalt> it = pending.values().iterator(); it.hasNext(); ) {
            PendingHalt halt = it.next();
            ControlState state = view.stateOf(halt.scope());
            CommandOutcome outcome = outcomeOfPending.get(halt.commandId());
            String why = null;
            boolean confirmed = carries(state, halt.commandId()) || accepted(outcome, state);
            if (!confirmed && outcome != null && outcome.getStatus() == OutcomeStatus.REJECTED) {
                why = "rejected: " + outcome.getCode() + (outcome.getMessage() == null ? "" : " " + outcome.getMessage());
            } else if (!confirmed && !now.isBefore(halt.decideBy())) {
                why = "not decided by " + halt.decideBy();
            }
            if (confirmed || why != null) {
                it.remove();
                outcomeOfPending.remove(halt.commandId());
                settled.put(halt.commandId(), Boolean.TRUE);
                changed = true;
                if (why != null) {
                    retracted.incrementAndGet();
                    retractions.add(new Retraction(halt, why));
                }
            }
        }
    }

    /** Read in order, so the oldest come first: drops them up to the first read at or after {@code cutoff}. */
    private void forgetEarlyOutcomesBefore(Instant cutoff) {
        for (Iterator<EarlyOutcome> it = earlyOutcomes.values().iterator(); it.hasNext(); ) {
            if (!it.next().readAt().isBefore(cutoff)) {
                return;
            }
            it.remove();
        }
    }

    boolean hasChanges() {
        return changed;
    }

    /** The overlay to swap in, with what became visible or was withdrawn since the last one. */
    Changes drainChanges() {
        List<PendingHalt> applied = new ArrayList<>();
        for (PendingHalt halt : pending.values()) {
            if (!published.contains(halt.commandId())) {
                applied.add(halt);
            }
        }
        List<Retraction> visible = new ArrayList<>();
        for (Retraction retraction : retractions) {
            if (published.contains(retraction.halt().commandId())) {
                visible.add(retraction);
            }
        }
        retractions.clear();
        published = new HashSet<>(pending.keySet());
        changed = false;
        return new Changes(HaltOverlay.of(pending.values()), applied, visible);
    }

    long undecodable() {
        return undecodable.get();
    }

    long retracted() {
        return retracted.get();
    }

    private static boolean accepted(CommandOutcome outcome, ControlState state) {
        if (outcome == null || outcome.getStatus() != OutcomeStatus.ACCEPTED) {
            return false;
        }
        Long resulting = outcome.getResultingVersion();
        return resulting == null || (state != null && state.version() >= resulting);
    }

    /** Whether one of the scope's controls was set by {@code commandId}. */
    static boolean carries(ControlState state, String commandId) {
        if (state == null) {
            return false;
        }
        return by(state.pause() == null ? null : state.pause().setBy(), commandId)
                || by(state.killSwitch() == null ? null : state.killSwitch().engagedBy(), commandId)
                || by(state.maintenance() == null ? null : state.maintenance().enabledBy(), commandId)
                || by(state.reduceOnly() == null ? null : state.reduceOnly().setBy(), commandId);
    }

    private static boolean by(Provenance provenance, String commandId) {
        return provenance != null && commandId.equals(provenance.commandId());
    }

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > REMEMBERED;
            }
        };
    }
}
