package com.tradingcontrol.projections.projector;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The projector's health signal for readiness checks: UP, DEGRADED (the store is failing; the
 * projector is paused and retrying, nothing is lost) or FAILED (a non-retryable error stopped it).
 */
public final class ProjectorHealth {

    public enum State { UP, DEGRADED, FAILED }

    /** @param since when the current state began; {@code lastError} is null when UP */
    public record Status(State state, String lastError, Instant since) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ProjectorHealth.class);

    private final Clock clock;
    private final AtomicReference<Status> status;

    public ProjectorHealth() {
        this(Clock.systemUTC());
    }

    public ProjectorHealth(Clock clock) {
        this.clock = clock;
        this.status = new AtomicReference<>(new Status(State.UP, null, clock.instant()));
    }

    public Status status() {
        return status.get();
    }

    public boolean isUp() {
        return status.get().state() == State.UP;
    }

    void up() {
        Status previous = status.get();
        if (previous.state() != State.UP && status.compareAndSet(previous, new Status(State.UP, null, clock.instant()))) {
            LOG.info("projector recovered after {} since {}", previous.state(), previous.since());
        }
    }

    void degraded(Throwable error) {
        transition(State.DEGRADED, error);
    }

    void failed(Throwable error) {
        transition(State.FAILED, error);
    }

    private void transition(State state, Throwable error) {
        Status previous = status.get();
        Instant since = previous.state() == state ? previous.since() : clock.instant();
        status.set(new Status(state, error.getClass().getSimpleName() + ": " + error.getMessage(), since));
        if (previous.state() != state && state == State.FAILED) {
            // Once: the loop has stopped for good and will not log again.
            LOG.error("projector {}: {}", state, error.toString(), error);
        } else if (previous.state() != state) {
            LOG.warn("projector {}: {}", state, error.toString());
        }
    }
}
