package com.tradingcontrol.api.ws;

/**
 * Which messages a connection sees. The admin stream carries everything (control states and the
 * engines' status); the staff stream ({@code /ws/staff}) every control state of every scope, nothing
 * else; a tenant stream carries global messages plus that tenant's; the tenant-less stream (staff
 * without a tenant on {@code /ws/trading}) carries global messages only.
 *
 * @param everything true for the admin and staff streams: every scope, unredacted
 */
public record StreamKey(boolean everything, boolean staff, String tenantId) {
    public static StreamKey adminStream() {
        return new StreamKey(true, false, null);
    }

    public static StreamKey staffStream() {
        return new StreamKey(true, true, null);
    }

    public static StreamKey tenant(String tenantId) {
        return new StreamKey(false, false, tenantId);
    }

    @Override
    public String toString() {
        return staff ? "staff" : everything ? "admin" : tenantId == null ? "global" : "tenant:" + tenantId;
    }
}
