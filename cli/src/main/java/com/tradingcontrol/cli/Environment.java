package com.tradingcontrol.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What the CLI takes from its surroundings, passed in so tests can run it in-process with their
 * own environment variables, working directory and clock.
 */
public record Environment(Map<String, String> variables, Path workingDir, Clock clock) {

    public static Environment system() {
        return new Environment(System.getenv(), Path.of("").toAbsolutePath(), Clock.systemUTC());
    }

    public String variable(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
