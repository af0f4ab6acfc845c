package com.tradingcontrol.domain.engines;

import java.time.Duration;
import java.util.Objects;

/**
 * @param heartbeatTimeout an engine whose last report is older is STALE
 * @param propagationSlo   an expected engine that has not applied a command this long after it was issued
 *                         (halts) or decided (other control changes) missed it
 * @param forgetAfter      an engine silent this long before a command is not expected to apply it
 * @param maxCommands      commands remembered (signals, decisions, applications each), oldest dropped first
 */
public record FleetSettings(Duration heartbeatTimeout, Duration propagationSlo, Duration forgetAfter, int maxCommands) {
    public FleetSettings {
        Objects.requireNonNull(heartbeatTimeout, "heartbeatTimeout");
        Objects.requireNonNull(propagationSlo, "propagationSlo");
        Objects.requireNonNull(forgetAfter, "forgetAfter");
        if (heartbeatTimeout.isNegative() || heartbeatTimeout.isZero() || propagationSlo.isNegative()
                || propagationSlo.isZero() || forgetAfter.compareTo(heartbeatTimeout) < 0 || maxCommands < 1) {
            throw new IllegalArgumentException("fleet settings out of range: " + heartbeatTimeout + ", "
                    + propagationSlo + ", " + forgetAfter + ", " + maxCommands);
        }
    }

    public static FleetSettings defaults() {
        return new FleetSettings(Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofMinutes(10), 10_000);
    }
}
