package com.tradingcontrol.domain.engines;

import java.time.Duration;
import java.time.Instant;

/**
 * One engine as of an instant.
 *
 * @param heartbeatAge      how long ago its last report was sent
 * @param lastApplied       the last change it applied, or null
 * @param lastAppliedLag    how long after the platform decided (or, for a signal, issued) that change it applied it; null when unknown
 */
public record EngineStatus(String engineId, Liveness liveness, Instant lastHeartbeat, Duration heartbeatAge,
                           String engineVersion, String clientVersion, String host, boolean clientStale,
                           long stateVersion, EngineReport.Applied lastApplied, Duration lastAppliedLag,
                           Instant firstSeen) {
    public enum Liveness { ALIVE, STALE }

    public boolean alive() {
        return liveness == Liveness.ALIVE;
    }
}
