package com.tradingcontrol.projections.service;

import com.tradingcontrol.projections.projector.ProjectorHealth;
import com.tradingcontrol.projections.projector.ProjectorLoop;
import com.tradingcontrol.projections.projector.ProjectorLoops;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the running projector is behind the log: per assigned partition, the committed end (last
 * stable offset) minus the loop's position. What readiness means for a projector: it is not enough
 * that the loop is alive and the store answers — the read models must show what was decided.
 */
public final class ProjectorProgress {

    /**
     * @param lag        records not yet projected on the partitions this projector holds (-1 = unknown)
     * @param partitions partitions it holds with a known position
     * @param detail     one line for health output
     */
    public record Status(long lag, int partitions, ProjectorHealth.State health, String detail) {
        /** Up, assigned, and at most {@code maxLag} records behind. */
        public boolean ready(long maxLag) {
            return health == ProjectorHealth.State.UP && partitions > 0 && lag >= 0 && lag <= maxLag;
        }
    }

    private final ProjectorRunner runner;
    private final ProjectorLoops loops;

    public ProjectorProgress(ProjectorRunner runner, ProjectorLoops loops) {
        this.runner = runner;
        this.loops = loops;
    }

    /** Asks the broker for the end offsets (one short-lived consumer): call it every second or less often. */
    public Status status() {
        ProjectorHealth.Status status = loops.health().status();
        ProjectorHealth.State health = status.state();
        ProjectorLoop loop = runner.currentLoop();
        if (health == ProjectorHealth.State.FAILED) {
            // Why it stopped (e.g. an event it cannot project) is what the operator needs first.
            return new Status(-1, 0, health, "projector FAILED since " + status.since() + ": " + status.lastError());
        }
        if (loop == null) {
            return new Status(-1, 0, health, "projector " + health + ", no loop running yet");
        }
        Map<TopicPartition, Long> positions = loop.positions();
        if (positions.isEmpty()) {
            return new Status(-1, 0, health, "projector " + health + ", no partitions assigned yet");
        }
        Map<TopicPartition, Long> ends = loops.endOffsets();
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> p : positions.entrySet()) {
            lag += Math.max(0, ends.getOrDefault(p.getKey(), 0L) - p.getValue());
        }
        return new Status(lag, positions.size(), health, "projector " + health + ", " + lag + " records behind on "
                + positions.size() + " partitions (" + loop.names() + ")");
    }
}
