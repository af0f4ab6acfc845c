package com.tradingcontrol.projections.rebuild;

import com.tradingcontrol.projections.projector.ContainerNames;
import com.tradingcontrol.projections.projector.ProjectorLoop;
import com.tradingcontrol.projections.projector.ProjectorLoops;
import com.tradingcontrol.projections.store.PreconditionFailedException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zero-downtime rebuild. Version N keeps serving (and its live projectors keep it current) while
 * version N+1 is projected from offset 0 by a fresh consumer group; once that group has reached the
 * end offsets captured at the start, one conditional write of the pointer makes N+1 active. The
 * running projector services follow the pointer and join N+1's group, continuing from its committed
 * offsets, so nothing written after the catch-up point is missed. The old version can then be dropped.
 */
public final class Rebuild {

    /**
     * @param catchUpTimeout how long the new version may take to reach the captured end offsets
     * @param handover       how long this rebuild keeps projecting after the switch, while the
     *                       services notice it and join the new group (they resume from its offsets anyway)
     * @param dropOld        drop the previous version's containers after {@code dropGrace}
     * @param dropGrace      at least the readers' cache TTL, so no reader still resolves the old version
     */
    public record Options(Duration catchUpTimeout, Duration handover, boolean dropOld, Duration dropGrace) {
        public static Options defaults() {
            return new Options(Duration.ofMinutes(30), Duration.ofSeconds(5), false, Duration.ofSeconds(10));
        }
    }

    /** What the rebuild did. */
    public record Result(int previousVersion, int newVersion, String group, Map<TopicPartition, Long> catchUpPoint,
                         long documentsWritten, Duration catchUpTime, boolean oldDropped) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Rebuild.class);

    private final ProjectionMeta meta;
    private final ProjectorLoops loops;
    private final String baseGroup;
    private final Options options;

    public Rebuild(ProjectionMeta meta, ProjectorLoops loops, String baseGroup, Options options) {
        this.meta = meta;
        this.loops = loops;
        this.baseGroup = baseGroup;
        this.options = options;
    }

    public Result run() {
        ProjectionPointer pointer = meta.initialize(baseGroup);
        if (pointer.isBuilding()) {
            throw new IllegalStateException("version " + pointer.building() + " is already being built by group "
                    + pointer.buildingGroup() + "; wait for it or abandon it first");
        }
        int oldVersion = pointer.active();
        int target = oldVersion + 1;
        String group = baseGroup + "-v" + target + "-" + UUID.randomUUID().toString().substring(0, 8);
        pointer = meta.beginBuild(pointer, target, group);
        ContainerNames names = new ContainerNames(meta.prefix(), target);
        // Leftovers of an abandoned attempt at this version must not leak into the new projection.
        meta.dropContainers(names);
        meta.createContainers(names);
        Map<TopicPartition, Long> end = loops.endOffsets();
        LOG.info("rebuilding projection v{} -> v{} (group {}) up to {}", oldVersion, target, group, end);
        ProjectorLoop loop = loops.create(names, group);
        Thread thread = new Thread(loop, "projection-rebuild-v" + target);
        long started = System.nanoTime();
        thread.start();
        Duration catchUp;
        try {
            awaitCaughtUp(loop, thread, end);
            // Events kept flowing during the catch-up; one more round shrinks the lag at the switch to ~0.
            awaitCaughtUp(loop, thread, loops.endOffsets());
            catchUp = Duration.ofNanos(System.nanoTime() - started);
            switchTo(pointer);
            LOG.info("projection v{} active after {} catch-up; handing over for {}", target, catchUp, options.handover());
            sleep(options.handover());
        } catch (RuntimeException e) {
            loop.close();
            abandon(target);
            throw e;
        }
        loop.close();
        boolean dropped = dropOld(names.withVersion(oldVersion));
        return new Result(oldVersion, target, group, end, loop.appliedCount(), catchUp, dropped);
    }

    private void awaitCaughtUp(ProjectorLoop loop, Thread thread, Map<TopicPartition, Long> end) {
        long deadline = System.nanoTime() + options.catchUpTimeout().toNanos();
        while (!caughtUp(loop.positions(), end)) {
            if (!thread.isAlive()) {
                throw new IllegalStateException("the rebuild's projector stopped: " + loop.names());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("rebuild did not reach " + end + " within " + options.catchUpTimeout()
                        + "; reached " + loop.positions());
            }
            sleep(Duration.ofMillis(100));
        }
    }

    static boolean caughtUp(Map<TopicPartition, Long> positions, Map<TopicPartition, Long> end) {
        return end.entrySet().stream()
                .allMatch(e -> e.getValue() == 0 || positions.getOrDefault(e.getKey(), -1L) >= e.getValue());
    }

    private void switchTo(ProjectionPointer building) {
        ProjectionPointer expected = building;
        for (int attempt = 1; ; attempt++) {
            try {
                meta.activateBuilt(expected);
                return;
            } catch (PreconditionFailedException changed) {
                ProjectionPointer now = meta.read().orElseThrow(() -> changed);
                if (!building.building().equals(now.building()) || !building.buildingGroup().equals(now.buildingGroup())
                        || attempt >= 5) {
                    throw new IllegalStateException("the pointer changed during the rebuild: " + now, changed);
                }
                expected = now;
            }
        }
    }

    private void abandon(int target) {
        meta.read().filter(p -> Integer.valueOf(target).equals(p.building())).ifPresent(meta::abandonBuild);
    }

    private boolean dropOld(ContainerNames old) {
        if (!options.dropOld()) {
            return false;
        }
        sleep(options.dropGrace());
        meta.dropContainers(old);
        LOG.info("dropped projection v{}", old.version());
        return true;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild interrupted", e);
        }
    }
}
