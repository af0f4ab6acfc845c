package com.tradingcontrol.api.health;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One background reader of a log whose records feed this instance's answers (a topic follower, the
 * time-travel index): how many records it could not apply, and whether its thread still runs.
 *
 * <p>Policy (docs/operations.md "Read paths"): a record that cannot be decoded and one that decodes
 * but cannot be applied (an event type this build does not know, a value it rejects) are both
 * skipped, counted by kind, logged at ERROR and exposed as metrics and in the readiness detail; the
 * answers built from the path say they are incomplete. Neither stops the reader or the API: every
 * instance reads the same log, so stopping would take them all down for one record. A thread that
 * ends while it should run is different: nothing is read any more, so readiness goes DOWN.
 */
public final class ReadPath {

    /** Why a record was skipped. */
    public enum Skip {
        /** The bytes cannot be decoded (corrupt, unknown schema id, a newer schema's union branch). */
        UNDECODABLE,
        /** Decoded, but cannot be applied (an unknown event type, a value the fold rejects). */
        UNAPPLIED
    }

    private static final Logger LOG = LoggerFactory.getLogger(ReadPath.class);
    /** Health details are public: causes are cut to a line (the stack trace is in the ERROR log). */
    private static final int MAX_CAUSE = 200;

    private final String name;
    private final String thread;
    private final Counter undecodable;
    private final Counter unapplied;
    private final AtomicReference<String> lastSkip = new AtomicReference<>();
    private final AtomicReference<String> stoppedBy = new AtomicReference<>();

    /**
     * @param name    the path in metric names and health details, e.g. {@code control-state}
     * @param thread  the name of the thread that reads it
     * @param metrics where {@code readPaths.<name>.undecodable|unapplied|stopped} are registered
     */
    public ReadPath(String name, String thread, MetricRegistry metrics) {
        this.name = name;
        this.thread = thread;
        this.undecodable = metrics.counter(MetricRegistry.name("readPaths", name, "undecodable"));
        this.unapplied = metrics.counter(MetricRegistry.name("readPaths", name, "unapplied"));
        metrics.gauge(MetricRegistry.name("readPaths", name, "stopped"),
                () -> (Gauge<Integer>) () -> stoppedBy.get() == null ? 0 : 1);
    }

    public String name() {
        return name;
    }

    /** A record was skipped; {@code record} says where it is (topic-partition@offset). */
    public void skipped(Skip kind, String record, Throwable cause) {
        (kind == Skip.UNDECODABLE ? undecodable : unapplied).inc();
        lastSkip.set(kind.name().toLowerCase() + " " + record + ": " + describe(cause));
        LOG.error("{}: {} record {} skipped; answers built from this path are marked incomplete ({} skipped so far)",
                name, kind.name().toLowerCase(), record, skipped(), cause);
    }

    public long undecodable() {
        return undecodable.getCount();
    }

    public long unapplied() {
        return unapplied.getCount();
    }

    public long skipped() {
        return undecodable() + unapplied();
    }

    /** The thread ended while it should have gone on; logged at ERROR the first time only. */
    public void stopped(Throwable cause) {
        String reason = cause == null ? "exited unexpectedly" : describe(cause);
        if (stoppedBy.compareAndSet(null, reason)) {
            LOG.error("thread {} ({}) stopped: {}; readiness is DOWN until the instance is restarted", thread, name,
                    reason, cause);
        }
    }

    public boolean hasStopped() {
        return stoppedBy.get() != null;
    }

    /** DOWN once the thread stopped (named, with the cause); otherwise UP with what was skipped. */
    public ReadinessStatus status() {
        String stopped = stoppedBy.get();
        return stopped != null ? ReadinessStatus.down(stoppedDetail()) : ReadinessStatus.up(summary());
    }

    /** A readiness check of this path alone, named as the path. */
    public ReadinessCheck readinessCheck() {
        return ReadinessCheck.of(name, this::status);
    }

    /** {@code thread <name> stopped: <cause>}, or null while it runs. */
    public String stoppedDetail() {
        String stopped = stoppedBy.get();
        return stopped == null ? null : "thread " + thread + " stopped: " + stopped;
    }

    /** What was skipped, for a health detail. */
    public String summary() {
        long skipped = skipped();
        if (skipped == 0) {
            return name + ": every record applied";
        }
        return name + ": " + skipped + " record(s) skipped (" + undecodable() + " undecodable, " + unapplied()
                + " unapplied), answers incomplete; last " + lastSkip.get();
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage() == null ? "no message (see the ERROR log)" : cause.getMessage();
        message = message.replaceAll("\\s+", " ");
        return message.length() <= MAX_CAUSE ? message : message.substring(0, MAX_CAUSE) + "...";
    }
}
