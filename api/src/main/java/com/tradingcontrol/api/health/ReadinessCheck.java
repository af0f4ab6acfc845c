package com.tradingcontrol.api.health;

import java.util.function.Supplier;

/**
 * One dependency the API needs before it can serve traffic (Kafka, the projection store, the
 * processors). Implementations should answer quickly; the registry cuts off slow ones.
 */
public interface ReadinessCheck {
    /** Stable name shown in the readiness report, e.g. {@code kafka}. */
    String name();

    ReadinessStatus check();

    static ReadinessCheck of(String name, Supplier<ReadinessStatus> check) {
        return new ReadinessCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ReadinessStatus check() {
                return check.get();
            }
        };
    }
}
