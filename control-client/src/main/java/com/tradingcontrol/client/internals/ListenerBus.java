package com.tradingcontrol.client.internals;

import com.tradingcontrol.client.ControlClientListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Delivers notifications on one daemon thread, in order, and watches the lease on the same thread:
 * every tick it compares "stale now?" with what listeners last heard and announces a transition,
 * so the stale/fresh events interleave correctly with change events. The tick also announces
 * "decisions may have changed" when a timed control of the view lapsed since the last tick (no
 * record arrives for that). A listener that throws is logged and skipped.
 */
final class ListenerBus implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerBus.class);

    private final List<ControlClientListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService thread;
    private final Duration tick;
    private final Supplier<String> staleReason;
    private final Supplier<StateSnapshot> view;
    private final Clock clock;
    private Boolean announcedStale; // only touched on the bus thread
    private Instant lastTick; // only touched on the bus thread

    /** @param staleReason null when fresh, else why the client is stale */
    ListenerBus(String name, Duration tick, Supplier<String> staleReason, Supplier<StateSnapshot> view, Clock clock) {
        this.tick = tick;
        this.staleReason = staleReason;
        this.view = view;
        this.clock = clock;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts watching the lease (once the client is fully wired: the check reads the reader's state). */
    void start() {
        thread.scheduleWithFixedDelay(this::checkLeaseSafely, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A periodic task that throws is never run again, which would silence every stale/fresh event. */
    private void checkLeaseSafely() {
        try {
            checkLease();
            checkLapses();
        } catch (RuntimeException e) {
            LOG.error("control client lease check failed; retrying at the next tick", e);
        }
    }

    AutoCloseable add(ControlClientListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Announces a batch's changes (called by the reader thread after swapping the snapshot). */
    void changed(ChangeSet changes) {
        submit(() -> {
            changes.scopes().forEach(scope -> each(l -> l.onScopeChanged(scope)));
            changes.profiles().forEach(key -> {
                int colon = key.indexOf(':');
                each(l -> l.onProfileChanged(key.substring(0, colon), key.substring(colon + 1)));
            });
            changes.configKeys().forEach(key -> each(l -> l.onConfigChanged(key)));
            if (changes.affectsDecisions()) {
                each(l -> l.onDecisionsMayHaveChanged(changes.viewVersion()));
            }
            checkLease();
        });
    }

    /** Announces fast halts applied and retracted (called by the reader thread after swapping the overlay). */
    void haltsChanged(FastHalts.Changes changes, long viewVersion) {
        if (changes.applied().isEmpty() && changes.retracted().isEmpty()) {
            return;
        }
        submit(() -> {
            changes.applied().forEach(h -> each(l -> l.onHaltSignal(h.commandId(), h.scope().toString())));
            changes.retracted().forEach(r -> each(l -> l.onHaltRetracted(r.halt().commandId(),
                    r.halt().scope().toString(), r.why())));
            each(l -> l.onDecisionsMayHaveChanged(viewVersion));
        });
    }

    /**
     * Runs {@code action} on the bus thread right after a lease check, so whoever it releases (a
     * caller of awaitReady) knows listeners were told of freshness first and will hear the next
     * stale transition, however soon it comes.
     */
    void afterLeaseCheck(Runnable action) {
        submit(() -> {
            try {
                checkLease();
            } finally {
                action.run();
            }
        });
    }

    private void checkLapses() {
        Instant now = clock.instant();
        StateSnapshot snapshot = view.get();
        if (lastTick != null && snapshot.lapsesBetween(lastTick, now)) {
            each(l -> l.onDecisionsMayHaveChanged(snapshot.viewVersion()));
        }
        lastTick = now;
    }

    private void checkLease() {
        String reason = staleReason.get();
        boolean stale = reason != null;
        if (announcedStale != null && announcedStale == stale) {
            return;
        }
        boolean first = announcedStale == null;
        announcedStale = stale;
        if (first && stale) {
            return; // a client starts stale; listeners hear its first fresh, then every change
        }
        LOG.info(stale ? "control client is STALE ({}): every decision is HALTED" : "control client is fresh{}",
                stale ? reason : "");
        each(stale ? l -> l.onStale(reason) : ControlClientListener::onFresh);
        long version = view.get().viewVersion();
        each(l -> l.onDecisionsMayHaveChanged(version));
    }

    private void submit(Runnable task) {
        try {
            thread.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("control client closed: notification dropped");
        }
    }

    private void each(Consumer<ControlClientListener> call) {
        for (ControlClientListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.error("control client listener {} failed", listener, e);
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
