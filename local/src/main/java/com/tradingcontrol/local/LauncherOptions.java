package com.tradingcontrol.local;

import com.tradingcontrol.schemas.registry.RestRegistryConfig;
import java.net.URI;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The launcher's typed options that need more than picocli's type conversion. Each is checked
 * while the command line is parsed, so a bad value ends the run before anything starts, with a
 * message naming the option and the usage text.
 */
final class LauncherOptions {
    private int kafkaPort = KafkaPort.DEFAULT;
    private URI schemaRegistry;

    void kafkaPort(CommandSpec spec, int value) {
        if (value < 0 || value > 65_535) {
            throw new ParameterException(spec.commandLine(),
                    "--kafka-port must be 0 (any free port) or 1-65535, was " + value);
        }
        kafkaPort = value;
    }

    void schemaRegistry(CommandSpec spec, String value) {
        try {
            schemaRegistry = RestRegistryConfig.of(value).url();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--schema-registry must be an absolute http(s) URL"
                    + " of a Confluent-API registry, was '" + value + "'");
        }
    }

    int kafkaPort() {
        return kafkaPort;
    }

    /** The external registry, or null to serve the in-process one. */
    URI schemaRegistry() {
        return schemaRegistry;
    }
}
