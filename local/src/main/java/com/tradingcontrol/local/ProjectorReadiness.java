package com.tradingcontrol.local;

import com.tradingcontrol.api.health.ReadinessCheck;
import com.tradingcontrol.api.health.ReadinessStatus;
import com.tradingcontrol.projections.service.ProjectorProgress;

/** The in-process projector on {@code /health/ready}: up, assigned, and caught up with the log. */
record ProjectorReadiness(ProjectorProgress progress, long maxLag) implements ReadinessCheck {
    @Override
    public String name() {
        return "projector";
    }

    @Override
    public ReadinessStatus check() {
        ProjectorProgress.Status status = progress.status();
        return status.ready(maxLag) ? ReadinessStatus.up(status.detail()) : ReadinessStatus.down(status.detail());
    }
}
