package com.tradingcontrol.projections.store;

import java.util.Objects;

/**
 * A container (Cosmos terminology; a logical collection in the embedded store).
 *
 * @param name             letters, digits, '-' and '_' only
 * @param partitionKeyPath a single top-level or nested path such as {@code /productId}
 * @param defaultTtlSeconds null = TTL off (document {@code ttl} fields are ignored, as in Cosmos);
 *                          -1 = on but documents never expire unless they carry their own {@code ttl};
 *                          &gt; 0 = documents expire that many seconds after their last write
 */
public record ContainerSpec(String name, String partitionKeyPath, Integer defaultTtlSeconds) {

    public ContainerSpec {
        requireValidName(name);
        Objects.requireNonNull(partitionKeyPath, "partitionKeyPath");
        if (!partitionKeyPath.matches("(/[A-Za-z_][A-Za-z0-9_]*)+")) {
            throw new IllegalArgumentException("partitionKeyPath must look like /field or /a/b: " + partitionKeyPath);
        }
        if (defaultTtlSeconds != null && (defaultTtlSeconds == 0 || defaultTtlSeconds < -1)) {
            throw new IllegalArgumentException("defaultTtlSeconds must be null, -1 or > 0: " + defaultTtlSeconds);
        }
    }

    public static ContainerSpec of(String name, String partitionKeyPath) {
        return new ContainerSpec(name, partitionKeyPath, null);
    }

    /** The partition key path as a dotted field path, e.g. {@code /a/b} -&gt; {@code a.b}. */
    public String partitionKeyField() {
        return partitionKeyPath.substring(1).replace('/', '.');
    }

    public static void requireValidName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,254}")) {
            throw new IllegalArgumentException("container name must be 1-255 letters, digits, '-' or '_': " + name);
        }
    }
}
