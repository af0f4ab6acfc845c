package com.tradingcontrol.processors.topology;

import com.tradingcontrol.domain.TradingDomain;
import com.tradingcontrol.schemas.signing.CommandVerifier;
import java.time.Duration;
import java.util.Objects;

/**
 * What the topology needs besides topics.
 *
 * @param expiryScanInterval how often (wall clock) timed pauses, reduce-only and kill-switch release proposals are checked; bounds
 *                           how late a PauseExpired / ReduceOnlyExpired / ProposalExpired event can be
 * @param controlCommitSpacing the least time between two commits requested by trading-control commands (see
 *                           {@link ControlCommits})
 * @param commandKeys        the public keys (by key id) whose signatures make a command authentic
 */
public record TopologySettings(TradingDomain domain, Duration expiryScanInterval, Duration controlCommitSpacing,
                               CommandVerifier commandKeys) {

    public static final Duration DEFAULT_EXPIRY_SCAN_INTERVAL = Duration.ofMillis(250);

    public TopologySettings {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(expiryScanInterval, "expiryScanInterval");
        Objects.requireNonNull(controlCommitSpacing, "controlCommitSpacing");
        Objects.requireNonNull(commandKeys, "commandKeys");
        if (expiryScanInterval.isNegative() || expiryScanInterval.isZero()) {
            throw new IllegalArgumentException("expiryScanInterval must be positive: " + expiryScanInterval);
        }
        if (controlCommitSpacing.isNegative()) {
            throw new IllegalArgumentException("controlCommitSpacing must not be negative: " + controlCommitSpacing);
        }
    }

    /** The shipped config catalogue, a 250 ms expiry scan, the default control commit spacing. */
    public static TopologySettings defaults(CommandVerifier commandKeys) {
        return new TopologySettings(TradingDomain.withDefaultCatalogue(), DEFAULT_EXPIRY_SCAN_INTERVAL,
                StreamsSettings.DEFAULT_CONTROL_COMMIT_SPACING, commandKeys);
    }
}
