package com.tradingcontrol.api.ws;

/**
 * Which messages a connection sees. The admin stream carries everything; a tenant stream carries
 * global messages plus that tenant's; the tenant-less stream (staff without a tenant on
 * {@code /ws/trading}) carries global messages only.
 */
public record StreamKey(boolean everything, String tenantId) {
    public static StreamKey adminStream() {
        return new StreamKey(true, null);
    }

    public static StreamKey tenant(String tenantId) {
        return new StreamKey(false, tenantId);
    }

    @Override
    public String toString() {
        return everything ? "admin" : tenantId == null ? "global" : "tenant:" + tenantId;
    }
}
