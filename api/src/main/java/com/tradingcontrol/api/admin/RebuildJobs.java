package com.tradingcontrol.api.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most one rebuild at a time, and what became of each. The slot is freed whatever happens — also
 * when the rebuild cannot even be submitted (store down, executor stopped), which used to leave it
 * taken so that every later rebuild answered 409 forever.
 */
public final class RebuildJobs {
    private static final Logger LOG = LoggerFactory.getLogger(RebuildJobs.class);
    private static final int KEPT = 20;

    public enum State { RUNNING, SUCCEEDED, FAILED }

    /** @param error why it failed (null unless FAILED); {@code toVersion} is the version it builds */
    public record Status(String rebuildId, State state, int fromVersion, int toVersion, Long documentsWritten,
                         String error, Instant startedAt, Instant finishedAt) {
    }

    /** Thrown when a rebuild is running already. */
    public static final class Busy extends RuntimeException {
        Busy(String running) {
            super("a rebuild is already running (" + running + ")");
        }
    }

    /** Thrown when the rebuild could not be started; its status (FAILED, with the reason) is kept. */
    public static final class NotStarted extends RuntimeException {
        NotStarted(Status status, Throwable cause) {
            super("rebuild " + status.rebuildId() + " could not be started: " + status.error(), cause);
        }
    }

    private final ProjectionAdmin admin;
    private final ExecutorService executor;
    private final Clock clock;
    private final AtomicReference<String> running = new AtomicReference<>();
    private final Map<String, Status> statuses = new LinkedHashMap<>();

    public RebuildJobs(ProjectionAdmin admin, ExecutorService executor, Clock clock) {
        this.admin = admin;
        this.executor = executor;
        this.clock = clock;
    }

    /** Starts a rebuild in the background and returns its RUNNING status. */
    public Status start(String requestedBy) {
        String id = UUID.randomUUID().toString();
        if (!running.compareAndSet(null, id)) {
            throw new Busy(running.get());
        }
        Instant now = clock.instant();
        try {
            int from = admin.activeVersion();
            Status status = put(new Status(id, State.RUNNING, from, from + 1, null, null, now, null));
            LOG.info("rebuild {} requested by {} (active version {})", id, requestedBy, from);
            executor.submit(() -> run(status));
            return status;
        } catch (RuntimeException e) {
            Status failed = put(new Status(id, State.FAILED, -1, -1, null, describe(e), now, clock.instant()));
            running.set(null);
            LOG.error("rebuild {} could not be started", id, e);
            throw new NotStarted(failed, e);
        }
    }

    private void run(Status started) {
        try {
            var result = admin.rebuild();
            put(new Status(started.rebuildId(), State.SUCCEEDED, result.previousVersion(), result.newVersion(),
                    result.documentsWritten(), null, started.startedAt(), clock.instant()));
            LOG.info("rebuild {} done: v{} -> v{}, {} documents", started.rebuildId(), result.previousVersion(),
                    result.newVersion(), result.documentsWritten());
        } catch (RuntimeException | Error e) {
            put(new Status(started.rebuildId(), State.FAILED, started.fromVersion(), started.toVersion(), null,
                    describe(e), started.startedAt(), clock.instant()));
            LOG.error("rebuild {} failed", started.rebuildId(), e);
        } finally {
            running.set(null);
        }
    }

    public synchronized Optional<Status> status(String rebuildId) {
        return Optional.ofNullable(statuses.get(rebuildId));
    }

    private synchronized Status put(Status status) {
        statuses.put(status.rebuildId(), status);
        while (statuses.size() > KEPT) {
            statuses.remove(statuses.keySet().iterator().next());
        }
        return status;
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
