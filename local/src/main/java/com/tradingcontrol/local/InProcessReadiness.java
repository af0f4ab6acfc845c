package com.tradingcontrol.local;

import com.tradingcontrol.api.health.ReadinessCheck;
import com.tradingcontrol.api.health.ReadinessStatus;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Readiness of an in-process service (processors, projector) on the API's {@code /health/ready}. */
record InProcessReadiness(String name, BooleanSupplier ready, Supplier<String> detail) implements ReadinessCheck {
    @Override
    public ReadinessStatus check() {
        return ready.getAsBoolean() ? ReadinessStatus.up(detail.get()) : ReadinessStatus.down(detail.get());
    }
}
