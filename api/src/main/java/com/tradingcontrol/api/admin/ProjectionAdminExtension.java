package com.tradingcontrol.api.admin;

import com.tradingcontrol.api.ApiExtension;
import com.tradingcontrol.api.ApiRuntime;
import com.tradingcontrol.api.ControlPlaneConfiguration;
import io.dropwizard.core.setup.Environment;
import java.util.concurrent.ExecutorService;

/** Registers the projection admin endpoints for a given {@link ProjectionAdmin}. */
public final class ProjectionAdminExtension implements ApiExtension {
    private final ProjectionAdmin admin;

    public ProjectionAdminExtension(ProjectionAdmin admin) {
        this.admin = admin;
    }

    @Override
    public void register(ControlPlaneConfiguration configuration, Environment environment, ApiRuntime runtime) {
        // A managed single thread: at most one rebuild runs, and it is stopped with the server.
        ExecutorService executor = environment.lifecycle().executorService("projection-admin-%d")
                .minThreads(1).maxThreads(1).build();
        environment.jersey().register(new ProjectionAdminResource(admin, executor));
    }
}
