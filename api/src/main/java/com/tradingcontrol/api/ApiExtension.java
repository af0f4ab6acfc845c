package com.tradingcontrol.api;

import io.dropwizard.core.setup.Environment;

/**
 * How later parts of the system plug into the API: register Jersey resources
 * ({@code environment.jersey().register(...)}), readiness checks ({@code runtime.readiness()}) and
 * keep the {@code runtime.pushHub()} to publish changes from a Kafka consumer.
 */
@FunctionalInterface
public interface ApiExtension {
    void register(ControlPlaneConfiguration configuration, Environment environment, ApiRuntime runtime) throws Exception;
}
