package com.tradingcontrol.processors.topology;

import com.tradingcontrol.processors.domain.TradingDomain;
import java.time.Duration;
import java.util.Objects;

/**
 * What the topology needs besides topics.
 *
 * @param expiryScanInterval how often (wall clock) timed pauses are checked; bounds how late a
 *                           PauseExpired event can be
 * @param controlCommitSpacing the least time between two commits requested by control changes (see
 *                           {@link ControlCommits})
 * @param controlCommitBehindAfter how long a control command may have waited in trading.commands and still request
 *                           a commit; longer means the processors are behind and the commit interval
 *                           commits instead (the service uses its commit interval)
 */
public record TopologySettings(TradingDomain domain, Duration expiryScanInterval, Duration controlCommitSpacing,
                               Duration controlCommitBehindAfter) {

    public static final Duration DEFAULT_EXPIRY_SCAN_INTERVAL = Duration.ofMillis(250);

    public TopologySettings {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(expiryScanInterval, "expiryScanInterval");
        Objects.requireNonNull(controlCommitSpacing, "controlCommitSpacing");
        Objects.requireNonNull(controlCommitBehindAfter, "controlCommitBehindAfter");
        if (expiryScanInterval.isNegative() || expiryScanInterval.isZero()) {
            throw new IllegalArgumentException("expiryScanInterval must be positive: " + expiryScanInterval);
        }
        if (controlCommitSpacing.isNegative() || controlCommitBehindAfter.isNegative()) {
            throw new IllegalArgumentException("control commit spacing and behind-after must not be negative: "
                    + controlCommitSpacing + ", " + controlCommitBehindAfter);
        }
    }

    /** The shipped config catalogue, a 250 ms expiry scan, the default control commit spacing and commit interval. */
    public static TopologySettings defaults() {
        return new TopologySettings(TradingDomain.withDefaultCatalogue(), DEFAULT_EXPIRY_SCAN_INTERVAL,
                StreamsSettings.DEFAULT_CONTROL_COMMIT_SPACING, StreamsSettings.DEFAULT_COMMIT_INTERVAL);
    }
}
