package com.tradingcontrol.schemas.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The platform's one configuration convention, the same for the processors, the projector and the API.
 * Later sources win:
 * <ol>
 *   <li>a properties file (named on the command line, or by {@code TCP_CONFIG} / {@code -Dtcp.config});</li>
 *   <li>environment variables {@code TCP_<KEY>}: the key upper-cased, dots and camel-case humps as
 *       underscores ({@code kafka.bootstrapServers} → {@code TCP_KAFKA_BOOTSTRAP_SERVERS}); other
 *       {@code TCP_} variables (the CLI's {@code TCP_API_URL}, the YAML's {@code TCP_AUTH_*}) are not keys and
 *       are left alone;</li>
 *   <li>system properties {@code -D<key>=value}.</li>
 * </ol>
 * Durations are written {@code 100ms}, {@code 2s}, {@code 5m} ({@link Durations}). At start, a key of
 * the platform's namespaces that is unknown (a typo) or no longer read (a renamed key, {@code PROCESSOR_*},
 * {@code PROJECTOR_*}, {@code TCP_READS_*}) stops the start with its name and, for old ones, the new form.
 */
public final class SettingsLoader {
    public static final String ENV_PREFIX = "TCP_";
    public static final String CONFIG_ENV = "TCP_CONFIG";
    public static final String CONFIG_PROPERTY = "tcp.config";
    private static final List<String> OLD_ENV_PREFIXES = List.of("PROCESSOR_", "PROJECTOR_", "TCP_READS_");

    private SettingsLoader() {
    }

    /** The process's own sources: {@code file} (or {@code TCP_CONFIG} / {@code -Dtcp.config} when null), env, -D. */
    public static Settings fromProcess(Path file) throws IOException {
        return load(file, System.getenv(), System.getProperties());
    }

    public static Settings load(Path file, Map<String, String> env, Properties system) throws IOException {
        Map<String, String> fromEnvironment = fromEnvironment(env);
        Map<String, String> values = new HashMap<>();
        Path named = file != null ? file : configFile(env, system);
        if (named != null) {
            Properties props = new Properties();
            try (Reader reader = Files.newBufferedReader(named)) {
                props.load(reader);
            }
            props.stringPropertyNames().forEach(k -> values.put(checked(k, named.toString()), props.getProperty(k)));
        }
        values.putAll(fromEnvironment);
        system.stringPropertyNames().stream().filter(PlatformKeys::inNamespace)
                .forEach(k -> values.put(checked(k, "-D"), system.getProperty(k)));
        return Settings.of(values);
    }

    static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        env.forEach((name, value) -> {
            refuseOldVariable(name);
            if (name.startsWith(ENV_PREFIX) && !name.equals(CONFIG_ENV)) {
                PlatformKeys.ALL.fromEnvironment(name.substring(ENV_PREFIX.length()))
                        .ifPresent(key -> values.put(key, value));
            }
        });
        return values;
    }

    private static Path configFile(Map<String, String> env, Properties system) {
        if (system.getProperty("tcp.reads.config") != null) {
            throw new InvalidSettingException("tcp.reads.config", "is no longer read; use -D" + CONFIG_PROPERTY);
        }
        String name = system.getProperty(CONFIG_PROPERTY, env.get(CONFIG_ENV));
        return name == null || name.isBlank() ? null : Path.of(name.trim());
    }

    private static void refuseOldVariable(String name) {
        if (name.equals("TCP_READS_CONFIG")) {
            throw new InvalidSettingException(name, "is no longer read; set " + CONFIG_ENV);
        }
        for (String old : OLD_ENV_PREFIXES) {
            if (name.startsWith(old)) {
                String suffix = name.substring(old.length());
                String key = PlatformKeys.replacementForVariable(old, suffix);
                throw new InvalidSettingException(name, "is no longer read; set "
                        + (key == null ? ENV_PREFIX + suffix : KeySet.environmentName(key) + " (key " + key + ")"));
            }
        }
    }

    /** A file or -D key: refused when renamed or unknown in the platform's namespaces. */
    private static String checked(String key, String source) {
        String renamed = PlatformKeys.RENAMED.get(key);
        if (renamed != null) {
            throw new InvalidSettingException(key, "is no longer read (" + source + "); use " + renamed);
        }
        if (PlatformKeys.inNamespace(key) && !PlatformKeys.ALL.knows(key)) {
            throw new InvalidSettingException(key, "is not a configuration key (" + source
                    + "); the keys are listed in docs/operations.md");
        }
        return key;
    }
}
