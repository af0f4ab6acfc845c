package com.tradingcontrol.api.admin;

import com.tradingcontrol.projections.drift.DriftReport;
import com.tradingcontrol.projections.rebuild.ActiveProjection;
import com.tradingcontrol.projections.rebuild.Rebuild;
import com.tradingcontrol.projections.service.ProjectorComponents;

/**
 * The admin operations over a projector's components on the API's store and log: the launcher passes
 * its in-process projector, the production API a projector of its own (it runs no loop; a rebuild
 * switches the pointer, which the projector service follows).
 */
public record ProjectorAdmin(ProjectorComponents projector, ActiveProjection projection) implements ProjectionAdmin {
    @Override
    public Rebuild.Result rebuild() {
        return projector.rebuild().run();
    }

    @Override
    public DriftReport drift() {
        return projector.drift(0);
    }

    @Override
    public int activeVersion() {
        return projection.activeVersion();
    }
}
