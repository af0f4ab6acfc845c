package com.tradingcontrol.api.support;

import com.tradingcontrol.api.ApiExtension;
import com.tradingcontrol.api.ControlPlaneApplication;
import com.tradingcontrol.api.ControlPlaneConfiguration;
import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.util.ArrayList;
import java.util.List;

/** Starts the real application on random loopback ports with the test resources mounted. */
public final class TestApps {
    private TestApps() {}

    public static DropwizardAppExtension<ControlPlaneConfiguration> withRsaKey(ApiExtension extra, ConfigOverride... overrides) {
        List<ConfigOverride> all = new ArrayList<>(List.of(overrides));
        all.add(ConfigOverride.config("auth.publicKeyPem", TestKeys.rsaPem()));
        return app(extra, all.toArray(ConfigOverride[]::new));
    }

    public static DropwizardAppExtension<ControlPlaneConfiguration> app(ApiExtension extra, ConfigOverride... overrides) {
        ApiExtension testResources = (config, environment, runtime) -> environment.jersey().register(new TestResource());
        List<ApiExtension> extensions = extra == null ? List.of(testResources) : List.of(testResources, extra);
        DropwizardTestSupport<ControlPlaneConfiguration> support = new DropwizardTestSupport<>(
                ControlPlaneApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"), overrides) {
            @Override
            public Application<ControlPlaneConfiguration> newApplication() {
                return new ControlPlaneApplication(extensions);
            }
        };
        return new DropwizardAppExtension<>(support);
    }
}
