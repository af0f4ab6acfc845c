package com.tradingcontrol.api.health;

/** Result of one readiness check; {@code detail} is shown to callers, so keep secrets and class names out. */
public record ReadinessStatus(boolean ready, String detail) {
    public static ReadinessStatus up() {
        return new ReadinessStatus(true, null);
    }

    public static ReadinessStatus up(String detail) {
        return new ReadinessStatus(true, detail);
    }

    public static ReadinessStatus down(String detail) {
        return new ReadinessStatus(false, detail);
    }
}
