package com.tradingcontrol.projections.service;

import com.tradingcontrol.projections.projector.ContainerNames;
import com.tradingcontrol.projections.projector.ProjectorLoop;
import com.tradingcontrol.projections.projector.ProjectorLoops;
import com.tradingcontrol.projections.rebuild.ProjectionMeta;
import com.tradingcontrol.projections.rebuild.ProjectionPointer;
import com.tradingcontrol.projections.store.ProjectionStoreException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one projector loop running for the active projection version and follows the pointer: when
 * a rebuild switches versions, it stops the old version's loop and joins the new version's group,
 * which continues from the offsets the rebuild committed. Several runners may run (one group).
 */
public final class ProjectorRunner implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectorRunner.class);

    private final ProjectionMeta meta;
    private final ProjectorLoops loops;
    private final String baseGroup;
    private final Duration pointerCheck;
    private final String instanceId;
    private volatile boolean closed;
    private volatile ProjectorLoop loop;
    private Thread loopThread;
    private String loopGroup;

    public ProjectorRunner(ProjectionMeta meta, ProjectorLoops loops, String baseGroup, Duration pointerCheck) {
        this(meta, loops, baseGroup, pointerCheck, null);
    }

    /**
     * @param instanceId static group membership id of this runner's loops (stable across restarts of this
     *                   projector, unique among live ones), or null for dynamic membership. Rebuild loops
     *                   stay dynamic: they may briefly share a group with this runner's loop.
     */
    public ProjectorRunner(ProjectionMeta meta, ProjectorLoops loops, String baseGroup, Duration pointerCheck,
                           String instanceId) {
        this.instanceId = instanceId;
        this.meta = meta;
        this.loops = loops;
        this.baseGroup = baseGroup;
        this.pointerCheck = pointerCheck;
    }

    /** The loop currently projecting (null before the first start). */
    public ProjectorLoop currentLoop() {
        return loop;
    }

    @Override
    public void run() {
        ProjectionPointer pointer = meta.initialize(baseGroup);
        try {
            while (!closed) {
                follow(pointer);
                Thread.sleep(pointerCheck.toMillis());
                pointer = readPointer(pointer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopLoop();
        }
    }

    private ProjectionPointer readPointer(ProjectionPointer last) {
        try {
            return meta.read().orElse(last);
        } catch (ProjectionStoreException e) {
            // The store is down: the loop reports that through the health signal; keep the current version.
            LOG.debug("cannot read the projection pointer, keeping v{}: {}", last.active(), e.toString());
            return last;
        }
    }

    private void follow(ProjectionPointer pointer) {
        boolean current = loop != null && pointer.activeGroup().equals(loopGroup) && loopThread.isAlive();
        if (current) {
            return;
        }
        if (loop != null && !loopThread.isAlive() && pointer.activeGroup().equals(loopGroup)) {
            throw new IllegalStateException("projector loop for " + loop.names() + " died; see the health status");
        }
        stopLoop();
        ContainerNames names = new ContainerNames(meta.prefix(), pointer.active());
        LOG.info("projecting into v{} with group {}", pointer.active(), pointer.activeGroup());
        loop = loops.create(names, pointer.activeGroup(), instanceId);
        loopGroup = pointer.activeGroup();
        loopThread = new Thread(loop, "projector-v" + pointer.active());
        loopThread.start();
    }

    private void stopLoop() {
        if (loop != null) {
            loop.close();
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
