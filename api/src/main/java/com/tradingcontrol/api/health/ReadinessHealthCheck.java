package com.tradingcontrol.api.health;

import com.codahale.metrics.health.HealthCheck;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The readiness checks as one Dropwizard health check, so the admin servlet's {@code /healthcheck}
 * reports what {@code /health/ready} reports (and Dropwizard does not claim at start-up that the
 * application has no health checks).
 */
public final class ReadinessHealthCheck extends HealthCheck {
    public static final String NAME = "readiness";
    private final ReadinessRegistry readiness;

    public ReadinessHealthCheck(ReadinessRegistry readiness) {
        this.readiness = readiness;
    }

    @Override
    protected Result check() {
        Map<String, ReadinessStatus> results = readiness.evaluate();
        String summary = results.entrySet().stream()
                .map(e -> e.getKey() + ": " + (e.getValue().ready() ? "UP" : "DOWN")
                        + (e.getValue().detail() == null ? "" : " (" + e.getValue().detail() + ")"))
                .collect(Collectors.joining("; "));
        boolean ready = results.values().stream().allMatch(ReadinessStatus::ready);
        return ready ? Result.healthy(summary) : Result.unhealthy(summary);
    }
}
