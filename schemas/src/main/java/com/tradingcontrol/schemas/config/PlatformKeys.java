package com.tradingcontrol.schemas.config;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every key of the platform, and the keys it no longer reads. One namespace for all services, so one
 * file can configure several of them and a key means the same everywhere.
 */
public final class PlatformKeys {
    public static final KeySet ALL = ProcessorKeys.KEYS.and(ProjectorKeys.KEYS).and(ApiKeys.KEYS);
    /** First segments of the platform's keys: a key there that is not in {@link #ALL} is a typo. */
    static final Set<String> NAMESPACES = Set.of("kafka", "registry", "store", "cosmos", "projection", "topics",
            "processor", "processors", "projector", "rebuild");
    /** Keys read before the one convention, with what replaced them. */
    public static final Map<String, String> RENAMED = Map.of(
            "processor.bootstrapServers", SharedKeys.KAFKA_BOOTSTRAP_SERVERS,
            "processor.schemaRegistry", SharedKeys.REGISTRY_URL + " (unset: the in-process registry)",
            "processor.schemaRegistryDataDir", SharedKeys.REGISTRY_DIR,
            "processor.commitIntervalMs", ProcessorKeys.COMMIT_INTERVAL + " (a duration such as 100ms)",
            "processor.controlCommitSpacingMs", ProcessorKeys.CONTROL_COMMIT_SPACING + " (a duration such as 100ms)",
            "processor.expiryScanMs", ProcessorKeys.EXPIRY_SCAN + " (a duration such as 250ms)",
            "processors.applicationId", ProcessorKeys.APPLICATION_ID);

    private PlatformKeys() {
    }

    static boolean inNamespace(String key) {
        int dot = key.indexOf('.');
        return dot > 0 && NAMESPACES.contains(key.substring(0, dot));
    }

    /**
     * The key an old variable meant: {@code PROCESSOR_BOOTSTRAP_SERVERS} → {@code kafka.bootstrapServers},
     * {@code PROJECTOR_COSMOS_KEY} → {@code cosmos.key}; null when nothing matches.
     */
    static String replacementForVariable(String oldPrefix, String suffix) {
        String wanted = ("PROCESSOR_".equals(oldPrefix) ? "processor" : "") + normalized(suffix);
        for (Map.Entry<String, String> renamed : RENAMED.entrySet()) {
            if (normalized(renamed.getKey()).equals(wanted)) {
                return renamed.getValue().split(" ")[0];
            }
        }
        return ALL.keys().stream().filter(k -> normalized(k).equals(wanted)).findFirst().orElse(null);
    }

    private static String normalized(String name) {
        return name.replace("_", "").replace(".", "").toLowerCase(Locale.ROOT);
    }
}
