package com.tradingcontrol.api.admin;

import com.tradingcontrol.projections.drift.DriftReport;
import com.tradingcontrol.projections.rebuild.Rebuild;

/**
 * What the projection admin endpoints need from wherever the projector runs: in the one-JVM
 * launcher that is the in-process projector; a production API may be given a projector of its own
 * over the same store and log.
 */
public interface ProjectionAdmin {
    /** Runs a full rebuild into the next version and switches to it; blocks until done. */
    Rebuild.Result rebuild();

    /** Compares the active version with the folded event log. */
    DriftReport drift();

    /** The version currently served. */
    int activeVersion();
}
