package com.tradingcontrol.processors.topology;

import com.tradingcontrol.processors.domain.TradingDomain;
import java.time.Duration;
import java.util.Objects;

/**
 * What the topology needs besides topics.
 *
 * @param expiryScanInterval how often (wall clock) timed pauses are checked; bounds how late a
 *                           PauseExpired event can be
 */
public record TopologySettings(TradingDomain domain, Duration expiryScanInterval) {

    public static final Duration DEFAULT_EXPIRY_SCAN_INTERVAL = Duration.ofMillis(250);

    public TopologySettings {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(expiryScanInterval, "expiryScanInterval");
        if (expiryScanInterval.isNegative() || expiryScanInterval.isZero()) {
            throw new IllegalArgumentException("expiryScanInterval must be positive: " + expiryScanInterval);
        }
    }

    /** The shipped config catalogue and a 250 ms expiry scan. */
    public static TopologySettings defaults() {
        return new TopologySettings(TradingDomain.withDefaultCatalogue(), DEFAULT_EXPIRY_SCAN_INTERVAL);
    }
}
