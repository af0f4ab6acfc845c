package com.tradingcontrol.api.support;

import com.tradingcontrol.api.ApiExtension;
import com.tradingcontrol.api.ControlPlaneApplication;
import com.tradingcontrol.api.ControlPlaneConfiguration;
import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** Starts the real application on random loopback ports with the test resources mounted. */
public final class TestApps {
    // Copied out of the classpath: the ITs in the local module read it from this module's test-jar,
    // where it is no file Dropwizard could open.
    private static final String CONFIG_FILE = copyToFile("test-config.yml");

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
                ControlPlaneApplication.class, CONFIG_FILE, overrides) {
            @Override
            public Application<ControlPlaneConfiguration> newApplication() {
                return new ControlPlaneApplication(extensions);
            }
        };
        return new DropwizardAppExtension<>(support);
    }

    private static String copyToFile(String resource) {
        try (InputStream in = TestApps.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource missing from the classpath: " + resource);
            }
            Path file = Files.createTempFile("api-", "-" + resource);
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
