package com.tradingcontrol.local;

import com.tradingcontrol.processors.service.ProcessorConfig;
import com.tradingcontrol.projections.service.ProjectorConfig;
import com.tradingcontrol.schemas.config.Settings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The typed configuration of the platform in one JVM: the three services' configurations, read from one
 * set of keys (the platform's one namespace, docs/operations.md "Configuration"), so the processors and
 * the projector share {@code kafka.bootstrapServers} and the registry exactly as separate deployments do.
 *
 * @param processor the processors' configuration
 * @param projector the projector's; its store is the one the API reads
 * @param apiYaml   the API's Dropwizard configuration (server, auth, commands); its
 *                  {@code kafka.bootstrapServers} must be {@code processor.bootstrapServers()}
 */
public record PlatformConfig(ProcessorConfig processor, ProjectorConfig projector, Path apiYaml) {

    public PlatformConfig {
        Objects.requireNonNull(processor, "processor");
        Objects.requireNonNull(projector, "projector");
        if (!processor.bootstrapServers().equals(projector.bootstrapServers())) {
            throw new IllegalArgumentException("the processors and the projector must share one cluster: "
                    + processor.bootstrapServers() + " vs " + projector.bootstrapServers());
        }
    }

    /** Both services' configurations from one set of keys; {@code apiYaml} may be null when no API is started. */
    public static PlatformConfig from(Settings settings, Path apiYaml) {
        return new PlatformConfig(ProcessorConfig.from(settings), ProjectorConfig.from(settings), apiYaml);
    }

    public static PlatformConfig from(Map<String, String> keys, Path apiYaml) {
        return from(Settings.of(keys), apiYaml);
    }

    public PlatformConfig withApiYaml(Path yaml) {
        return new PlatformConfig(processor, projector, yaml);
    }
}
