package com.tradingcontrol.projections.projector;

import com.tradingcontrol.projections.store.ContainerSpec;

/**
 * The logical containers the projector maintains. Physical names are versioned (see
 * {@link ContainerNames}) so that a rebuild can fill a new version while the old one serves.
 */
public enum ProjectionContainer {
    /** One document per scope; id = scope ({@code global}, {@code tenant:u1}, ...), partition key {@code /scope}. */
    TRADING_CONTROL("trading-control", "/scope", null),
    /** One document per config key; id = key, partition key {@code /key}. */
    DYNAMIC_CONFIG("dynamic-config", "/key", null),
    /** One document per profile; id = profileId, partition key {@code /tenantId}. */
    TRADING_PROFILES("trading-profiles", "/tenantId", null),
    /** One document per audit record; id = auditId, partition key {@code /productId}, TTL 90 days. */
    AUDIT_EVENTS("audit-events", "/productId", AuditDocuments.TTL_SECONDS);

    private final String baseName;
    private final String partitionKeyPath;
    private final Integer defaultTtlSeconds;

    ProjectionContainer(String baseName, String partitionKeyPath, Integer defaultTtlSeconds) {
        this.baseName = baseName;
        this.partitionKeyPath = partitionKeyPath;
        this.defaultTtlSeconds = defaultTtlSeconds;
    }

    public String baseName() {
        return baseName;
    }

    public String partitionKeyPath() {
        return partitionKeyPath;
    }

    ContainerSpec spec(String physicalName) {
        return new ContainerSpec(physicalName, partitionKeyPath, defaultTtlSeconds);
    }
}
